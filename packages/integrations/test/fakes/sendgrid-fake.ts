import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

export interface SendgridMail {
  personalizations: { to: { email: string; name?: string }[]; subject?: string }[];
  from: { email: string; name?: string };
  reply_to?: { email: string };
  subject?: string;
  content: { type: string; value: string }[];
}

/**
 * SendGrid v3 `POST /v3/mail/send` and `GET /v3/scopes`: Bearer key (401 unknown key, 403 without mail.send),
 * the documented 400 `{errors: [{message, field, help}]}` for missing fields, unverified senders (403), 429 with
 * X-RateLimit-* and Retry-After, and switches for `serverErrorNext` (500s) and `hang`. 202 + X-Message-Id on success.
 */
export async function startSendgridFake(opts: { keys: Record<string, string[]>; verifiedSenders: string[] }) {
  const sent: SendgridMail[] = [];
  const state = { rateLimitNext: 0, serverErrorNext: 0, hang: false, requests: [] as string[] };
  const errors = (res: ServerResponse, status: number, list: { message: string; field?: string | null }[], headers: Record<string, string> = {}) =>
    sendJson(res, status, { errors: list.map((e) => ({ message: e.message, field: e.field ?? null, help: null })) }, headers);

  function validate(body: Record<string, unknown>): { message: string; field: string }[] {
    const problems: { message: string; field: string }[] = [];
    const personalizations = body.personalizations as SendgridMail["personalizations"] | undefined;
    if (!Array.isArray(personalizations) || personalizations.length === 0) {
      problems.push({ field: "personalizations", message: "The personalizations field is required and must have at least one personalization." });
    } else {
      personalizations.forEach((p, i) => {
        if (!Array.isArray(p.to) || p.to.length === 0) problems.push({ field: `personalizations.${i}.to`, message: "The to array is required for all personalization objects, and must have at least one email object with a valid email address." });
        for (const to of p.to ?? []) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to.email ?? "")) problems.push({ field: `personalizations.${i}.to`, message: "Does not contain a valid address." });
      });
    }
    const from = body.from as SendgridMail["from"] | undefined;
    if (!from?.email) problems.push({ field: "from.email", message: "The from email does not contain a valid address." });
    const hasSubject = typeof body.subject === "string" ? body.subject.length > 0 : (personalizations ?? []).every((p) => p.subject);
    if (!hasSubject && !body.template_id) problems.push({ field: "subject", message: "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined." });
    if (typeof body.subject === "string" && /[\r\n]/.test(body.subject)) problems.push({ field: "subject", message: "The subject cannot contain line breaks." });
    const content = body.content as SendgridMail["content"] | undefined;
    if (!body.template_id && (!Array.isArray(content) || content.length === 0 || content.some((c) => !c.type || !c.value))) {
      problems.push({ field: "content", message: "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block." });
    } else if (Array.isArray(content) && content[0]?.type !== "text/plain" && content.some((c) => c.type === "text/plain")) {
      problems.push({ field: "content", message: "If present, text/plain must be first, followed by text/html, followed by any other content." });
    }
    return problems;
  }

  const server = await startServer((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    state.requests.push(`${req.method} ${url.pathname}`);
    if (state.hang) return;
    const auth = req.headers.authorization ?? "";
    const scopes = auth.startsWith("Bearer ") ? opts.keys[auth.slice(7)] : undefined;
    if (!scopes) return errors(res, 401, [{ message: "The provided authorization grant is invalid, expired, or revoked" }]);
    if (state.rateLimitNext > 0) {
      state.rateLimitNext -= 1;
      return errors(res, 429, [{ message: "too many requests" }], { "X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 30), "Retry-After": "7" });
    }
    if (state.serverErrorNext > 0) {
      state.serverErrorNext -= 1;
      return errors(res, 500, [{ message: "Internal server error" }]);
    }
    if (url.pathname === "/v3/scopes" && req.method === "GET") return sendJson(res, 200, { scopes });
    if (url.pathname !== "/v3/mail/send" || req.method !== "POST") return errors(res, 404, [{ message: "resource not found" }]);
    if (!scopes.includes("mail.send")) return errors(res, 403, [{ message: "access forbidden" }]);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return errors(res, 400, [{ message: "Bad Request", field: null }]);
    }
    const problems = validate(body);
    if (problems.length > 0) return errors(res, 400, problems);
    const mail = body as unknown as SendgridMail;
    if (!opts.verifiedSenders.includes(mail.from.email)) {
      return errors(res, 403, [{ field: "from", message: "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved." }]);
    }
    sent.push(mail);
    res.writeHead(202, { "X-Message-Id": randomBytes(11).toString("base64url") });
    res.end();
  });
  return { ...server, sent, state };
}
