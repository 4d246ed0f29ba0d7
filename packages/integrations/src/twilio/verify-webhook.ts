import twilio from "twilio";
import { z } from "zod";

/**
 * Checks X-Twilio-Signature with the SDK's own algorithm. `url` must be the exact public URL Twilio called
 * (scheme, host, path and query as configured in the console), not the URL as seen behind a proxy.
 */
export function verifyTwilioSignature(opts: {
  authToken: string;
  signature: string | null | undefined;
  url: string;
  params: Record<string, string | string[]>;
}): boolean {
  if (!opts.signature) return false;
  return twilio.validateRequest(opts.authToken, opts.signature, opts.url, opts.params);
}

/**
 * JSON-bodied webhooks (e.g. some Twilio products' event callbacks) sign the URL, which carries `bodySHA256` = hex
 * SHA-256 of the raw body; the SDK checks both.
 */
export function verifyTwilioJsonSignature(opts: {
  authToken: string;
  signature: string | null | undefined;
  url: string;
  rawBody: string;
}): boolean {
  if (!opts.signature || !new URL(opts.url).searchParams.has("bodySHA256")) return false;
  return twilio.validateRequestWithBody(opts.authToken, opts.signature, opts.url, opts.rawBody);
}

/** TwiML reply for an inbound message webhook (respond with Content-Type text/xml). */
export function twimlMessageReply(text: string | null): string {
  const response = new twilio.twiml.MessagingResponse();
  if (text) response.message(text);
  return response.toString();
}

/** The fields Frontdesk uses; Twilio adds parameters without notice, so the rest pass through untouched. */
export const inboundMessageSchema = z.looseObject({
  MessageSid: z.string().min(1),
  AccountSid: z.string().min(1),
  From: z.string().min(1),
  To: z.string().min(1),
  Body: z.string().default(""),
  NumMedia: z.coerce.number().int().nonnegative().default(0),
  ProfileName: z.string().optional(),
  WaId: z.string().optional(),
});

export interface InboundMessage {
  messageSid: string;
  accountSid: string;
  channel: "sms" | "whatsapp";
  from: string;
  to: string;
  body: string;
  numMedia: number;
  profileName?: string;
}

export function parseInboundMessage(params: Record<string, unknown>): InboundMessage {
  const p = inboundMessageSchema.parse(params);
  const whatsapp = p.From.startsWith("whatsapp:");
  const strip = (v: string) => v.replace(/^whatsapp:/, "");
  return {
    messageSid: p.MessageSid,
    accountSid: p.AccountSid,
    channel: whatsapp ? "whatsapp" : "sms",
    from: strip(p.From),
    to: strip(p.To),
    body: p.Body,
    numMedia: p.NumMedia,
    ...(p.ProfileName ? { profileName: p.ProfileName } : {}),
  };
}
