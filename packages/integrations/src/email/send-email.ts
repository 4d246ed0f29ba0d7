import { connect, type LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { IntegrationError } from "../errors";
import { assertPublicDestination, systemResolveHost, type ResolveHost } from "../net/assert-public-destination";
import { publicOnlyLookup } from "../net/public-only-fetch";
import type { IntegrationContext } from "../types";
import type { EmailConfig } from "./config";
import type { OutgoingEmail } from "./message";

const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * nodemailer's socket provider: we open the TCP connection ourselves through publicOnlyLookup, so the SMTP host
 * is checked on the address actually connected to (a DNS answer that turns private after assertPublicDestination,
 * i.e. rebinding, is refused), as the HTTP integrations do with publicOnlyFetch. nodemailer then runs SMTP (and
 * TLS for port 465 / STARTTLS) over that socket.
 */
function publicOnlySocket(resolve: ResolveHost): NonNullable<SMTPTransport.Options["getSocket"]> {
  return socketThrough(publicOnlyLookup("email", resolve));
}

/** A getSocket that connects with the given DNS lookup (exported for the test that sends mail through it). */
export function socketThrough(lookup: LookupFunction): NonNullable<SMTPTransport.Options["getSocket"]> {
  return (options, callback) => {
    const socket = connect({ host: options.host ?? "", port: Number(options.port ?? 587), lookup });
    const done = (error: Error | null) => {
      socket.off("connect", onConnect).off("error", done).off("timeout", onTimeout);
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        callback(error, false);
      } else callback(null, { connection: socket });
    };
    const onConnect = () => done(null);
    const onTimeout = () => done(new IntegrationError({ provider: "email", code: "timeout", message: `SMTP: no connection to ${options.host} within ${CONNECTION_TIMEOUT_MS} ms` }));
    socket.setTimeout(CONNECTION_TIMEOUT_MS);
    socket.once("connect", onConnect).once("error", done).once("timeout", onTimeout);
  };
}

/** An SMTP transport; unless private networks are allowed its connection goes through publicOnlySocket. */
export function createTransport(config: EmailConfig, ctx: IntegrationContext = {}) {
  return nodemailer.createTransport({
    ...(ctx.allowPrivateNetworks ? {} : { getSocket: publicOnlySocket(ctx.resolveHost ?? systemResolveHost) }),
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
  if (error instanceof IntegrationError) throw error; // e.g. blocked_destination from the connect-time guard
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
  if (!ctx.allowPrivateNetworks) await assertPublicDestination(config.host, "email", ctx.resolveHost);
  const transport = createTransport(config, ctx);
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
  if (!ctx.allowPrivateNetworks) await assertPublicDestination(config.host, "email", ctx.resolveHost);
  const transport = createTransport(config, ctx);
  try {
    await transport.verify();
  } catch (error) {
    toError(error);
  } finally {
    transport.close();
  }
}
