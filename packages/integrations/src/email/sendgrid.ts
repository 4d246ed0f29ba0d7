import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { IntegrationError, parseRetryAfter } from "../errors";
import { MAX_RESPONSE_BYTES } from "../net/read-capped";
import { DEFAULT_TIMEOUT_MS } from "../retry";
import type { IntegrationContext } from "../types";
import type { EmailConfig } from "./config";
import type { OutgoingEmail } from "./message";

export const SENDGRID_BASE_URL = "https://api.sendgrid.com/";

/** A per-call client (never the SDK's global singleton, which would share keys between tenants). */
function createSendgrid(apiKey: string, ctx: IntegrationContext): { mail: MailService; client: Client } {
  const client = new Client();
  client.setApiKey(apiKey);
  // setApiKey resets the origin to the region's host, so the override (tests, EU residency proxies) comes after.
  // Passed through to the SDK's axios: cap what one answer may make us buffer.
  // (Not in the SDK's ClientRequest type, but every default-request key reaches axios.)
  client.setDefaultRequest({ maxContentLength: MAX_RESPONSE_BYTES } as unknown as Parameters<Client["setDefaultRequest"]>[0]);
  if (ctx.baseUrl) client.setDefaultRequest("baseUrl", ctx.baseUrl.endsWith("/") ? ctx.baseUrl : `${ctx.baseUrl}/`);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return { mail, client };
}

interface SendgridResponseError {
  code: number;
  response: { headers: Record<string, string | undefined>; body: unknown };
}

function isResponseError(error: unknown): error is SendgridResponseError {
  return error instanceof Error && typeof (error as Partial<SendgridResponseError>).code === "number" && "response" in error;
}

/** SendGrid's body: `{errors: [{message, field, help}]}`. */
function sendgridMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: { message?: unknown; field?: unknown }[] } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((e) => (typeof e.field === "string" && e.field ? `${e.field}: ${String(e.message)}` : String(e.message))).join("; ");
}

function toSendgridError(error: unknown): never {
  if (isResponseError(error)) {
    const { headers, body } = error.response;
    // SendGrid states its reset as X-RateLimit-Reset (unix seconds); honour Retry-After first when a proxy adds one.
    const reset = Number(headers["x-ratelimit-reset"]);
    const retryAfter = parseRetryAfter(headers["retry-after"]) ?? (Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : undefined);
    throw new IntegrationError({
      provider: "email",
      status: error.code,
      message: `SendGrid ${error.code}: ${sendgridMessage(body) ?? "request failed"}`,
      retryAfterSeconds: error.code === 429 ? (retryAfter ?? 60) : undefined,
    });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ECONNABORTED" || code === "ETIMEDOUT") {
    throw new IntegrationError({ provider: "email", code: "timeout", message: `SendGrid timed out: ${(error as Error).message}` });
  }
  if (error instanceof Error) throw new IntegrationError({ provider: "email", message: `SendGrid unreachable: ${error.message}` });
  throw error;
}

/** POST /v3/mail/send; SendGrid answers 202 with the id in X-Message-Id. */
export async function sendViaSendgrid(
  config: EmailConfig & { sendgridApiKey: string },
  ctx: IntegrationContext,
  message: OutgoingEmail,
): Promise<{ messageId: string; accepted: string[] }> {
  const { mail } = createSendgrid(config.sendgridApiKey, ctx);
  try {
    const [response] = await mail.send({
      from: config.sendgridFrom ?? config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    });
    const headers = response.headers as Record<string, string | undefined>;
    return { messageId: headers["x-message-id"] ?? "", accepted: message.to };
  } catch (error) {
    return toSendgridError(error);
  }
}

/** Checks the key and its mail.send scope (GET /v3/scopes). */
export async function verifySendgrid(apiKey: string, ctx: IntegrationContext): Promise<void> {
  const { client } = createSendgrid(apiKey, ctx);
  const [, body] = await client.request({ method: "GET", url: "/v3/scopes" }).catch(toSendgridError);
  const scopes = (body as { scopes?: unknown } | null)?.scopes;
  if (!Array.isArray(scopes) || !scopes.includes("mail.send")) {
    throw new IntegrationError({ provider: "email", status: 403, code: "unauthorized", message: "SendGrid key lacks the mail.send scope" });
  }
}
