import { emailProvider, twilioProvider } from "@frontdesk/integrations";
import { sendChannelMessage } from "../../channels/send-channel-message";
import { loadTwilioChannels } from "../../channels/twilio-channels";
import type { ServiceContext } from "../../context";
import { mergeMessageMetadata } from "../../conversations/merge-message-metadata";
import { loadEnabledIntegrations } from "../../integrations/load-enabled-integrations";
import { emitMessageCreated } from "../../webhooks/emit-chat-events";
import { followUpChannelFor, readFollowUps } from "./schemas";

export type FollowUpOutcome =
  | { status: "sent"; channel: "sms" | "whatsapp" | "email"; to: string; messageId: string; repeated: boolean }
  | { status: "stopped"; reason: string }
  | { status: "skipped"; reason: string };

const followUpKey = (afterMessageId: string, index: number) => `${afterMessageId}:${index}`;

/**
 * Sends step `index` of the bot's follow-up sequence that follows the answer `afterMessageId`, unless the lead
 * has written since that answer, booked, or the conversation is with a person now (the sequence stops: the
 * worker's wait may have missed the event). The message is kept in the conversation (metadata.type
 * "follow_up") and marked sent, so a retried step never sends it twice.
 */
export async function sendFollowUp(ctx: ServiceContext, input: { conversationId: string; afterMessageId: string; index: number }): Promise<FollowUpOutcome> {
  const where = { organizationId: ctx.organizationId };
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { ...where, id: input.conversationId },
    include: { bot: { select: { followUps: true } }, lead: true, organization: { select: { name: true } } },
  });
  const answer = await ctx.prisma.message.findFirst({ where: { ...where, id: input.afterMessageId, conversationId: input.conversationId }, select: { createdAt: true } });
  if (!conversation || !answer) return { status: "stopped", reason: "the conversation or its answer is gone" };
  const step = readFollowUps(conversation.bot.followUps)[input.index];
  if (!step) return { status: "stopped", reason: "the bot's sequence no longer has this step" };
  if (conversation.preview) return { status: "stopped", reason: "an admin preview chat gets no follow-ups" };
  if (conversation.status !== "open") return { status: "stopped", reason: `the conversation is ${conversation.status}` };
  const lead = conversation.lead;
  if (readBooking(lead?.metadata)) return { status: "stopped", reason: "the lead booked" };
  const replied = await ctx.prisma.message.count({ where: { ...where, conversationId: conversation.id, role: "user", createdAt: { gt: answer.createdAt } } });
  if (replied > 0) return { status: "stopped", reason: "the lead replied" };

  const key = followUpKey(input.afterMessageId, input.index);
  const earlier = await ctx.prisma.message.findFirst({ where: { ...where, conversationId: conversation.id, metadata: { path: ["followUp"], equals: key } } });
  const channel = followUpChannelFor(step.channel, conversation.channel, lead);
  const recipient = channel === "email" ? lead?.email : lead?.phone;
  if (!recipient) return { status: "skipped", reason: `the lead has no ${channel === "email" ? "email address" : "phone number"}` };
  const text = step.message.replaceAll("{name}", lead?.name?.split(/\s+/)[0] ?? "there");
  const message =
    earlier ??
    (await ctx.prisma.message.create({
      data: { ...where, conversationId: conversation.id, role: "assistant", content: text, metadata: { type: "follow_up", followUp: key, channel, step: input.index } },
    }));
  const metadata = (message.metadata ?? {}) as Record<string, unknown>;
  if (metadata.sentTo) return { status: "sent", channel, to: String(metadata.sentTo), messageId: message.id, repeated: true };
  if (!earlier) await emitMessageCreated(ctx, message);

  let sent: Record<string, string>;
  if (channel !== "email" && conversation.channel === channel) {
    // On the conversation itself: the Twilio number the lead wrote to, the WhatsApp window rules, status callbacks.
    const result = await sendChannelMessage(ctx, { messageId: message.id });
    sent = result.sent ? { sid: result.sid } : { note: result.reason };
  } else if (channel === "email") {
    const [email] = await loadEnabledIntegrations(ctx, "email", emailProvider.emailConfigSchema);
    if (!email) return { status: "skipped", reason: "no enabled email integration" };
    const subject = step.subject ?? `A note from ${conversation.organization.name}`.slice(0, 200);
    // The owner configured the sequence for their own leads: the team-recipients rule (meant for the model's tools) does not apply.
    const delivered = await emailProvider.deliverEmail({ ...email.config, allowAnyRecipient: true }, email.providerContext, { to: [recipient], subject, text });
    sent = { emailMessageId: delivered.messageId };
  } else {
    const [twilio] = await loadTwilioChannels(ctx);
    if (!twilio) return { status: "skipped", reason: "no enabled Twilio integration" };
    const result = await twilioProvider.sendMessage(twilio.config, twilio.providerContext, { to: recipient, body: text.slice(0, 1600), channel });
    sent = { sid: result.sid };
  }
  // Merged in place: a delivery status callback for this message may be writing its metadata at the same moment.
  await mergeMessageMetadata(ctx, message.id, { ...sent, sentTo: recipient });
  return { status: "sent", channel, to: recipient, messageId: message.id, repeated: false };
}

/** The booking a lead made through the booking dialogue (Lead.metadata.booking), if any. */
export function readBooking(metadata: unknown): { uid: string; start: string } | null {
  const booking = (metadata as { booking?: unknown } | null)?.booking;
  if (!booking || typeof booking !== "object") return null;
  const { uid, start } = booking as { uid?: unknown; start?: unknown };
  return typeof uid === "string" && typeof start === "string" ? { uid, start } : null;
}
