import type { Conversation, Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { emitConversationCreated } from "../webhooks/emit-chat-events";
import type { TurnWebhooks } from "../webhooks/turn-webhooks";
import { readConversationTimeZone } from "../leads/booking/time-zone";

/**
 * Continues a conversation of this bot (and, for widget callers, of this visitor), reopening it when it was closed,
 * or starts a new one. A conversation of another bot, organization or visitor reads as "not found" rather than
 * silently forking. A new one is created at `firstMessageAt` (its first message's time: no touch needed after it),
 * and its conversation.created webhooks go through the turn's `webhooks` when given (recorded without waiting).
 */
export async function openConversation(
  ctx: ServiceContext,
  input: { botId: string; conversationId?: string; visitorId?: string; channel: Conversation["channel"]; timeZone?: string | undefined },
  turn: { firstMessageAt?: Date; webhooks?: TurnWebhooks } = {},
): Promise<Conversation> {
  if (input.conversationId) {
    const existing = await ctx.prisma.conversation.findFirst({
      where: {
        id: input.conversationId,
        botId: input.botId,
        organizationId: ctx.organizationId,
        ...(ctx.actor.type === "widget" ? { visitorId: input.visitorId ?? "" } : {}),
      },
    });
    if (!existing) throw notFound("Conversation");
    // The browser's zone as it is now (a visitor may travel), unless they told us theirs in the conversation.
    const saved = readConversationTimeZone(existing.metadata);
    const zone = input.timeZone && saved?.source !== "stated" && saved?.timeZone !== input.timeZone ? browserZone(existing.metadata, input.timeZone) : undefined;
    // A visitor writing again after the team resolved it: the conversation is active again (as SMS does).
    if (existing.status === "closed" || zone) {
      return ctx.prisma.conversation.update({ where: { id: existing.id }, data: { ...(existing.status === "closed" ? { status: "open" } : {}), ...(zone ? { metadata: zone } : {}) } });
    }
    return existing;
  }
  const conversation = await ctx.prisma.conversation.create({
    data: {
      organizationId: ctx.organizationId,
      botId: input.botId,
      channel: input.channel,
      visitorId: input.visitorId ?? null,
      // A signed-in member chatting is the admin's try-it preview, not a visitor: kept out of the inbox by default.
      preview: ctx.actor.type === "user",
      ...(input.timeZone ? { metadata: browserZone(null, input.timeZone) } : {}),
      ...(turn.firstMessageAt ? { createdAt: turn.firstMessageAt, lastMessageAt: turn.firstMessageAt } : {}),
    },
  });
  if (turn.webhooks) turn.webhooks.conversationCreated(conversation);
  else await emitConversationCreated(ctx, conversation);
  return conversation;
}

function browserZone(metadata: unknown, timeZone: string): Prisma.InputJsonObject {
  return { ...((metadata ?? {}) as Record<string, Prisma.InputJsonValue>), timeZone, timeZoneSource: "browser" };
}
