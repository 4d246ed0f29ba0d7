import type { Conversation } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { emitConversationCreated } from "../webhooks/emit-chat-events";

/**
 * Continues a conversation of this bot (and, for widget callers, of this visitor), reopening it when it was closed,
 * or starts a new one. A conversation of another bot, organization or visitor reads as "not found" rather than
 * silently forking.
 */
export async function openConversation(
  ctx: ServiceContext,
  input: { botId: string; conversationId?: string; visitorId?: string; channel: Conversation["channel"] },
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
    // A visitor writing again after the team resolved it: the conversation is active again (as SMS does).
    if (existing.status === "closed") return ctx.prisma.conversation.update({ where: { id: existing.id }, data: { status: "open" } });
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
    },
  });
  await emitConversationCreated(ctx, conversation);
  return conversation;
}
