import type { Conversation } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { requestMessageEmbedding } from "../conversations/search/embed-message";
import type { channelMessageReceivedData } from "../events";
import { noteLeadEngaged } from "../leads/follow-ups/request-follow-ups";
import { upsertConversationLead } from "../leads/upsert-conversation-lead";
import { emitConversationCreated, emitMessageCreated } from "../webhooks/emit-chat-events";
import type { z } from "zod";

type Received = z.infer<typeof channelMessageReceivedData>;

/** How an SMS/WhatsApp conversation remembers where to answer: the integration and the number written to. */
export interface ChannelRoute {
  integrationId: string;
  botNumber: string;
}

export type RecordedInbound = { duplicate: true } | { duplicate: false; conversationId: string; messageId: string; leadId: string | null };

/**
 * Stores an inbound SMS/WhatsApp message: the conversation of this bot, channel and phone number (created on the
 * first message, reopened if it was closed), its contact (a Lead with the phone number, and the WhatsApp profile
 * name), then the message keyed by its MessageSid. A MessageSid already stored is a replay: nothing is written.
 */
export async function recordInboundMessage(ctx: ServiceContext, received: Received): Promise<RecordedInbound> {
  const { message } = received;
  const where = { organizationId: ctx.organizationId };
  const seen = await ctx.prisma.message.findUnique({ where: { organizationId_externalId: { ...where, externalId: message.messageSid } }, select: { id: true } });
  if (seen) return { duplicate: true };

  const route: ChannelRoute = { integrationId: received.integrationId, botNumber: message.to };
  const conversation = await findOrOpenConversation(ctx, received, route);
  const lead =
    (await ctx.prisma.lead.findFirst({ where: { ...where, conversationId: conversation.id }, select: { id: true } })) ??
    (await upsertConversationLead(ctx, {
      botId: received.botId,
      conversationId: conversation.id,
      contact: { phone: message.from, ...(message.profileName ? { name: message.profileName } : {}) },
      source: message.channel,
    }));
  try {
    const stored = await ctx.prisma.message.create({
      data: { ...where, conversationId: conversation.id, role: "user", content: describeInbound(message), externalId: message.messageSid, metadata: { channel: message.channel } },
    });
    await ctx.prisma.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: stored.createdAt } });
    await emitMessageCreated(ctx, stored);
    await noteLeadEngaged(ctx, { conversationId: conversation.id, reason: "replied" });
    await requestMessageEmbedding(ctx, stored);
    return { duplicate: false, conversationId: conversation.id, messageId: stored.id, leadId: lead?.id ?? null };
  } catch (error) {
    // The same MessageSid stored by a run that got here first.
    if ((error as { code?: unknown } | null)?.code === "P2002") return { duplicate: true };
    throw error;
  }
}

async function findOrOpenConversation(ctx: ServiceContext, received: Received, route: ChannelRoute): Promise<Conversation> {
  const { message } = received;
  const existing = await ctx.prisma.conversation.findFirst({
    where: { organizationId: ctx.organizationId, botId: received.botId, channel: message.channel, visitorId: message.from },
    orderBy: { createdAt: "asc" },
  });
  const metadata = { ...((existing?.metadata ?? {}) as Record<string, unknown>), channelRoute: { ...route } };
  if (existing) {
    return ctx.prisma.conversation.update({
      where: { id: existing.id },
      data: { metadata, ...(existing.status === "closed" ? { status: "open" } : {}) },
    });
  }
  const conversation = await ctx.prisma.conversation.create({
    data: { organizationId: ctx.organizationId, botId: received.botId, channel: message.channel, visitorId: message.from, metadata },
  });
  await emitConversationCreated(ctx, conversation);
  return conversation;
}

/** The text the bot answers: the message body, or a note when only media came (photos are not read yet). */
function describeInbound(message: Received["message"]): string {
  const body = message.body.trim();
  if (body) return body.slice(0, 4000);
  return message.numMedia > 0 ? `(sent ${message.numMedia} attachment${message.numMedia === 1 ? "" : "s"})` : "(empty message)";
}
