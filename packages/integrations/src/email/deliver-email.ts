import { IntegrationError } from "../errors";
import { isTransient } from "../retry";
import type { IntegrationContext } from "../types";
import type { EmailConfig } from "./config";
import type { OutgoingEmail } from "./message";
import { assertRecipientsAllowed, sendEmail } from "./send-email";
import { sendViaSendgrid } from "./sendgrid";

export interface DeliveredEmail {
  messageId: string;
  accepted: string[];
  via: "sendgrid" | "smtp";
  /** Why SendGrid was skipped, when it was configured but SMTP delivered. */
  fallbackReason?: string;
}

/**
 * SendGrid is worth routing around only when it is unavailable (5xx, connection failure, timeout). A 400 is a bad
 * message, a 401/403 a revoked key and a 429 a quota: those surface as errors (the key problem reaches the owner,
 * the 429 carries retryAfterSeconds for the job queue) instead of being masked by a silent SMTP fallback.
 */
function sendgridUnavailable(error: unknown): boolean {
  return isTransient(error) || (error instanceof IntegrationError && error.code === "timeout");
}

/** SendGrid when configured, SMTP otherwise or when SendGrid is down. Recipient rules apply to both paths. */
export async function deliverEmail(config: EmailConfig, ctx: IntegrationContext, message: OutgoingEmail): Promise<DeliveredEmail> {
  assertRecipientsAllowed(config, message.to);
  const { sendgridApiKey } = config;
  if (!sendgridApiKey) return { ...(await sendEmail(config, ctx, message)), via: "smtp" };
  try {
    return { ...(await sendViaSendgrid({ ...config, sendgridApiKey }, ctx, message)), via: "sendgrid" };
  } catch (error) {
    if (!sendgridUnavailable(error)) throw error;
    const sent = await sendEmail(config, ctx, message);
    return { ...sent, via: "smtp", fallbackReason: (error as Error).message };
  }
}
