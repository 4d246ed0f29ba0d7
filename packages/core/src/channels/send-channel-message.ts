import { twilioProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { mergeMessageMetadata } from "../conversations/merge-message-metadata";
import { AppError, notFound } from "../errors";
import type { ChannelRoute } from "./record-inbound-message";
import type { DeliveryStatus } from "./receive-twilio-status";
import { loadTwilioChannels, twilioWebhookPath } from "./twilio-channels";

const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type SentChannelMessage =
  | { sent: true; sid: string; status: string; template: boolean }
  | { sent: false; reason: "not_a_text_channel" | "already_sent" | "empty" };

/**
 * Sends a stored bot or operator message to the visitor on its conversation's channel (SMS or WhatsApp, through
 * the Twilio integration and number the visitor wrote to) and keeps Twilio's SID on it for status callbacks.
 * WhatsApp more than 24 hours after the visitor's last message only delivers approved templates: the Twilio
 * integration's whatsappTemplateSid carries the text as {{1}} then. A message already sent is not sent again.
 */
export async function sendChannelMessage(ctx: ServiceContext, input: { messageId: string }): Promise<SentChannelMessage> {
  const message = await ctx.prisma.message.findFirst({
    where: { id: input.messageId, organizationId: ctx.organizationId },
    include: { conversation: { include: { bot: { select: { publicKey: true } } } } },
  });
  if (!message) throw notFound("Message");
  const { conversation } = message;
  if (conversation.channel !== "sms" && conversation.channel !== "whatsapp") return { sent: false, reason: "not_a_text_channel" };
  if (message.externalId) return { sent: false, reason: "already_sent" };
  if (!message.content.trim()) return { sent: false, reason: "empty" };
  const to = conversation.visitorId;
  if (!to) throw new AppError("validation_failed", "The conversation has no phone number to answer");

  const route = (conversation.metadata as { channelRoute?: ChannelRoute } | null)?.channelRoute;
  const [channel] = await loadTwilioChannels(ctx, route?.integrationId);
  if (!channel) throw new AppError("validation_failed", "No enabled Twilio integration to send the message with");
  const statusCallback = `${ctx.config.publicUrl}${twilioWebhookPath(conversation.bot.publicKey)}/status`;
  const context = channel.providerContext;

  const useTemplate = conversation.channel === "whatsapp" && channel.config.whatsappTemplateSid !== undefined && (await outsideWhatsappWindow(ctx, conversation.id));
  const sent = useTemplate
    ? await twilioProvider.sendWhatsappTemplate(channel.config, context, {
        to,
        contentSid: channel.config.whatsappTemplateSid ?? "",
        contentVariables: { "1": message.content.slice(0, 1024) },
        statusCallback,
      })
    : await twilioProvider.sendMessage(channel.config, context, { to, body: message.content.slice(0, 1600), channel: conversation.channel, statusCallback });

  const delivery: DeliveryStatus = { status: sent.status, errorCode: null, updatedAt: new Date().toISOString() };
  await mergeMessageMetadata(
    ctx,
    message.id,
    { channel: conversation.channel, delivery: { ...delivery }, ...(useTemplate ? { whatsappTemplate: true } : {}) },
    { externalId: sent.sid },
  );
  return { sent: true, sid: sent.sid, status: sent.status, template: useTemplate };
}

async function outsideWhatsappWindow(ctx: ServiceContext, conversationId: string): Promise<boolean> {
  const last = await ctx.prisma.message.findFirst({
    where: { conversationId, organizationId: ctx.organizationId, role: "user" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return !last || Date.now() - last.createdAt.getTime() > WHATSAPP_WINDOW_MS;
}
