import type { ServiceContext } from "../../context";
import { toConversationView, withMessageCount } from "../views";
import type { ConversationHit } from "./schemas";

/**
 * Conversations (this organization's, admin try-it chats left out as in the inbox) for ranked ids, each with the
 * message that matched, in the given order.
 */
export async function toConversationHits(ctx: ServiceContext, ranked: ReadonlyArray<{ conversationId: string; messageId: string; score: number }>): Promise<ConversationHit[]> {
  if (ranked.length === 0) return [];
  const [conversations, messages] = await Promise.all([
    ctx.prisma.conversation.findMany({ where: { organizationId: ctx.organizationId, preview: false, id: { in: ranked.map((hit) => hit.conversationId) } }, include: withMessageCount }),
    ctx.prisma.message.findMany({ where: { organizationId: ctx.organizationId, id: { in: ranked.map((hit) => hit.messageId) } }, select: { id: true, content: true, createdAt: true } }),
  ]);
  const conversationById = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  const messageById = new Map(messages.map((message) => [message.id, message]));
  return ranked.flatMap((hit) => {
    const conversation = conversationById.get(hit.conversationId);
    const message = messageById.get(hit.messageId);
    if (!conversation || !message) return [];
    return [{ ...toConversationView(conversation), score: Math.round(hit.score * 10_000) / 10_000, match: { messageId: message.id, content: message.content, createdAt: message.createdAt.toISOString() } }];
  });
}
