import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

/** Twilio REST (2010-04-01) subset: Basic auth, Accounts fetch, Messages create with Twilio's error codes. */
export async function startTwilioFake(opts: { accountSid: string; authToken: string }) {
  const messages: Record<string, string>[] = [];
  const state = { rateLimitNext: 0 };
  const fail = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

  const server = await startServer((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const auth = req.headers.authorization ?? "";
    const [user, pass] = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString().split(":") : [];
    if (user !== opts.accountSid || pass !== opts.authToken) return fail(res, 401, 20003, "Authenticate");
    const match = url.pathname.match(/^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})(\.json|\/Messages\.json)$/);
    if (!match) return fail(res, 404, 20404, "The requested resource was not found");
    if (match[1] !== opts.accountSid) return fail(res, 403, 20003, "Permission Denied");
    if (state.rateLimitNext > 0) {
      state.rateLimitNext -= 1;
      return fail(res, 429, 20429, "Too Many Requests", { "Retry-After": "3" });
    }
    if (match[2] === ".json" && req.method === "GET") {
      return sendJson(res, 200, { sid: opts.accountSid, friendly_name: "Fake account", status: "active", type: "Full" });
    }
    if (match[2] !== "/Messages.json" || req.method !== "POST") return fail(res, 405, 20004, "Method not allowed");
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return fail(res, 400, 20001, "Bad request");
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (!form.To) return fail(res, 400, 21604, "A 'To' phone number is required.");
    if (!form.From && !form.MessagingServiceSid) return fail(res, 400, 21603, "A 'From' phone number is required.");
    if (!form.Body && !form.MediaUrl && !form.ContentSid) return fail(res, 400, 21602, "Message body is required.");
    if (form.From && form.To.startsWith("whatsapp:") !== form.From.startsWith("whatsapp:")) {
      return fail(res, 400, 21910, "Invalid From and To pair. From and To should be of the same channel");
    }
    messages.push(form);
    const sid = `SM${randomBytes(16).toString("hex")}`;
    return sendJson(res, 201, {
      sid,
      account_sid: opts.accountSid,
      to: form.To,
      from: form.From ?? null,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      body: form.Body,
      status: form.MessagingServiceSid && !form.From ? "accepted" : "queued",
      direction: "outbound-api",
      num_segments: "1",
      num_media: "0",
      api_version: "2010-04-01",
      date_created: new Date().toUTCString(),
      date_updated: new Date().toUTCString(),
      date_sent: null,
      price: null,
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${opts.accountSid}/Messages/${sid}.json`,
      subresource_uris: { media: `/2010-04-01/Accounts/${opts.accountSid}/Messages/${sid}/Media.json` },
    });
  });
  return { ...server, messages, state };
}
