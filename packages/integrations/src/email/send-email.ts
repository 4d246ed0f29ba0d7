import nodemailer from "nodemailer";
import { IntegrationError } from "../errors";
import { assertPublicDestination } from "../net/assert-public-destination";
import type { IntegrationContext } from "../types";
import type { EmailConfig } from "./config";
import type { OutgoingEmail } from "./message";

export function createTransport(config: EmailConfig) {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? config.port === 465,
    requireTLS: config.requireTls && !(config.secure ?? config.port === 465),
    auth: { user: config.username, pass: config.password },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

function toError(error: unknown): never {
  const smtp = error as { responseCode?: number; message?: string; code?: string };
  const status = smtp.responseCode;
  throw new IntegrationError({
    provider: "email",
    message: `SMTP: ${smtp.message ?? String(error)}`,
    // SMTP codes, not HTTP: 535 is bad credentials, 4xx temporary (retry), 5xx permanent.
    code: status === 535 || smtp.code === "EAUTH" ? "unauthorized" : status && status < 500 ? "temporary_failure" : "provider_error",
    ...(status ? { status } : {}),
  });
}

/** The agent may only reach the team unless the owner opted into arbitrary recipients (spam-relay guard). */
export function assertRecipientsAllowed(config: EmailConfig, to: string[]): void {
  if (config.allowAnyRecipient) return;
  const allowed = new Set(config.recipients.map((r) => r.toLowerCase()));
  const blocked = to.filter((address) => !allowed.has(address.toLowerCase()));
  if (blocked.length > 0) {
    throw new IntegrationError({ provider: "email", code: "recipient_not_allowed", message: `Recipient not allowed: ${blocked.join(", ")}` });
  }
}

export async function sendEmail(
  config: EmailConfig,
  ctx: IntegrationContext,
  message: OutgoingEmail,
): Promise<{ messageId: string; accepted: string[] }> {
  assertRecipientsAllowed(config, message.to);
  if (!ctx.allowPrivateNetworks) await assertPublicDestination(config.host, "email");
  const transport = createTransport(config);
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    });
    return { messageId: info.messageId, accepted: info.accepted.map(String) };
  } catch (error) {
    return toError(error);
  } finally {
    transport.close();
  }
}

export async function verifySmtp(config: EmailConfig, ctx: IntegrationContext): Promise<void> {
  if (!ctx.allowPrivateNetworks) await assertPublicDestination(config.host, "email");
  const transport = createTransport(config);
  try {
    await transport.verify();
  } catch (error) {
    toError(error);
  } finally {
    transport.close();
  }
}
