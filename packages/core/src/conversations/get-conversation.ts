import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import type { ConversationWithMessages } from "./schemas";
import { toConversationView, toMessageView, withMessageCount } from "./views";

/**
 * A conversation with its messages, oldest first. Widget callers only see their own bot's conversations, and
 * only with the visitorId that started them; any mismatch reads as "not found".
 */
export async function getConversation(
  ctx: ServiceContext,
  id: string,
  options: { visitorId?: string } = {},
): Promise<ConversationWithMessages> {
  const widgetBotId = ctx.actor.type === "widget" ? ctx.actor.botId : undefined;
  if (widgetBotId && !options.visitorId) throw notFound("Conversation");
  const conversation = await ctx.prisma.conversation.findFirst({
    where: {
      id,
      organizationId: ctx.organizationId,
      ...(widgetBotId ? { botId: widgetBotId, visitorId: options.visitorId } : {}),
    },
    include: { ...withMessageCount, messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!conversation) throw notFound("Conversation");
  return { ...toConversationView(conversation), messages: conversation.messages.map(toMessageView) };
}
