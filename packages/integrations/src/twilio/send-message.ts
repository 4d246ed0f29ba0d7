import type { IntegrationContext } from "../types";
import type { TwilioConfig } from "./config";
import { createTwilioClient } from "./twilio-client";

export interface SentMessage {
  sid: string;
  status: string;
  to: string;
}

/** SMS or WhatsApp through the Messages resource; WhatsApp is the same API with `whatsapp:` addresses. */
export async function sendMessage(
  config: TwilioConfig,
  ctx: IntegrationContext,
  message: { to: string; body: string; channel: "sms" | "whatsapp"; statusCallback?: string },
): Promise<SentMessage> {
  const { client, toError } = createTwilioClient(config, ctx);
  const whatsapp = message.channel === "whatsapp";
  const from = whatsapp ? config.whatsappFromNumber && `whatsapp:${config.whatsappFromNumber}` : config.fromNumber;
  try {
    const sent = await client.messages.create({
      to: whatsapp ? `whatsapp:${message.to}` : message.to,
      body: message.body,
      ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
      ...(from ? { from } : { messagingServiceSid: config.messagingServiceSid }),
    });
    return { sid: sent.sid, status: sent.status, to: sent.to };
  } catch (error) {
    return toError(error);
  }
}

/**
 * WhatsApp template (Content API): outside the 24-hour customer service window WhatsApp only delivers approved
 * templates, sent as `ContentSid` (HX…) plus `ContentVariables` (JSON object keyed "1", "2", … or by name).
 */
export async function sendWhatsappTemplate(
  config: TwilioConfig,
  ctx: IntegrationContext,
  message: { to: string; contentSid: string; contentVariables?: Record<string, string>; statusCallback?: string },
): Promise<SentMessage> {
  const { client, toError } = createTwilioClient(config, ctx);
  const from = config.whatsappFromNumber && `whatsapp:${config.whatsappFromNumber}`;
  try {
    const sent = await client.messages.create({
      to: `whatsapp:${message.to}`,
      contentSid: message.contentSid,
      ...(message.contentVariables ? { contentVariables: JSON.stringify(message.contentVariables) } : {}),
      ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
      ...(from ? { from } : { messagingServiceSid: config.messagingServiceSid }),
    });
    return { sid: sent.sid, status: sent.status, to: sent.to };
  } catch (error) {
    return toError(error);
  }
}
