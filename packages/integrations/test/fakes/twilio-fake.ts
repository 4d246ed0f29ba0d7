import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

/** Numbers the fake's Lookup knows, with Lookup v2's line_type_intelligence answers. */
const directory: Record<string, { country: string; national: string; type: string; carrier: string; mcc: string | null; mnc: string | null }> = {
  "+14155550123": { country: "US", national: "(415) 555-0123", type: "mobile", carrier: "T-Mobile USA, Inc.", mcc: "310", mnc: "160" },
  "+14155550100": { country: "US", national: "(415) 555-0100", type: "landline", carrier: "Pacific Bell", mcc: null, mnc: null },
  "+447700900123": { country: "GB", national: "07700 900123", type: "mobile", carrier: "Vodafone UK", mcc: "234", mnc: "15" },
};
const callingCodes: Record<string, string> = { US: "1", GB: "44" };

/**
 * Lookup v2 `GET /v2/PhoneNumbers/{n}`: an unparsable or unknown number is a 200 with `valid: false` and
 * `validation_errors`, the way Twilio answers; `Fields=line_type_intelligence` adds carrier and line type.
 */
function lookup(rawNumber: string, countryCode: string | null, fields: string[]) {
  const digits = rawNumber.replace(/[\s().-]/g, "");
  let e164: string | null = null;
  let error: string | null = null;
  if (digits.startsWith("+")) e164 = digits;
  else if (countryCode && callingCodes[countryCode]) e164 = `+${callingCodes[countryCode]}${digits.replace(/^0/, "")}`;
  else error = "INVALID_COUNTRY_CODE";
  if (e164 && !/^\+\d+$/.test(e164)) error = "NOT_A_NUMBER";
  else if (e164 && e164.length < 9) error = "TOO_SHORT";
  else if (e164 && e164.length > 16) error = "TOO_LONG";
  const known = e164 && !error ? directory[e164] : undefined;
  if (e164 && !error && !known) error = "INVALID_BUT_POSSIBLE";
  const valid = Boolean(known);
  return {
    calling_country_code: known ? callingCodes[known.country] : null,
    country_code: known?.country ?? null,
    phone_number: valid ? e164 : rawNumber,
    national_format: known?.national ?? null,
    valid,
    validation_errors: error ? [error] : [],
    caller_name: null,
    sim_swap: null,
    call_forwarding: null,
    line_status: null,
    line_type_intelligence:
      fields.includes("line_type_intelligence") && known
        ? { carrier_name: known.carrier, error_code: null, mobile_country_code: known.mcc, mobile_network_code: known.mnc, type: known.type }
        : null,
    identity_match: null,
    reassigned_number: null,
    sms_pumping_risk: null,
    phone_number_quality_score: null,
    pre_fill: null,
    url: `https://lookups.twilio.com/v2/PhoneNumbers/${encodeURIComponent(valid && e164 ? e164 : rawNumber)}`,
  };
}

/**
 * Twilio REST subset: Basic auth, Accounts fetch, Messages create (free-form and WhatsApp templates via
 * ContentSid/ContentVariables) with Twilio's error codes, and Lookup v2.
 */
export async function startTwilioFake(opts: { accountSid: string; authToken: string }) {
  const messages: Record<string, string>[] = [];
  const lookups: string[] = [];
  const state = { rateLimitNext: 0 };
  const fail = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

  const server = await startServer((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const auth = req.headers.authorization ?? "";
    const [user, pass] = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString().split(":") : [];
    if (user !== opts.accountSid || pass !== opts.authToken) return fail(res, 401, 20003, "Authenticate");
    const lookupMatch = url.pathname.match(/^\/v2\/PhoneNumbers\/([^/]+)$/);
    if (lookupMatch && req.method === "GET") {
      const fields = (url.searchParams.get("Fields") ?? "").split(",").filter(Boolean);
      const unknown = fields.find((f) => !["validation", "caller_name", "sim_swap", "call_forwarding", "line_status", "line_type_intelligence", "identity_match", "reassigned_number", "sms_pumping_risk", "phone_number_quality_score", "pre_fill"].includes(f));
      if (unknown) return fail(res, 400, 60001, `Invalid field: ${unknown}`);
      const number = decodeURIComponent(lookupMatch[1] ?? "");
      lookups.push(`${number}|${url.searchParams.get("CountryCode") ?? ""}|${fields.join(",")}`);
      return sendJson(res, 200, lookup(number, url.searchParams.get("CountryCode"), fields));
    }
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
    if (form.ContentSid !== undefined && !/^HX[0-9a-fA-F]{32}$/.test(form.ContentSid)) return fail(res, 400, 21655, "The ContentSid is Invalid.");
    if (form.ContentVariables !== undefined) {
      let variables: unknown;
      try {
        variables = JSON.parse(form.ContentVariables);
      } catch {
        variables = null;
      }
      const valid = variables !== null && typeof variables === "object" && !Array.isArray(variables) && Object.values(variables).every((v) => typeof v === "string");
      if (!valid) return fail(res, 400, 21656, "The ContentVariables Parameter is invalid.");
    }
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
  return { ...server, messages, lookups, state };
}
