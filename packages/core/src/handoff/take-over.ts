import type { ServiceContext } from "../context";
import { toConversationView, withMessageCount } from "../conversations/views";
import type { ConversationView } from "../conversations/schemas";
import { publishLive } from "../live";
import { actingUserId, conversationForOperator } from "./conversation-for-operator";

/** A person takes the conversation from the bot: status handoff, the bot stops answering, the actor is the assignee. */
export async function takeOverConversation(ctx: ServiceContext, conversationId: string): Promise<ConversationView> {
  const conversation = await conversationForOperator(ctx, conversationId);
  const updated = await ctx.prisma.conversation.update({
    where: { id: conversation.id },
    data: { status: "handoff", handoffRequestedAt: conversation.handoffRequestedAt ?? new Date(), assigneeId: actingUserId(ctx) },
    include: withMessageCount,
  });
  await publishLive(ctx, { organizationId: ctx.organizationId, conversationId: conversation.id, kind: "status" });
  return toConversationView(updated);
}

/** Hands the conversation back to the bot: status open, no assignee, no pending handoff request. */
export async function releaseConversation(ctx: ServiceContext, conversationId: string): Promise<ConversationView> {
  const conversation = await conversationForOperator(ctx, conversationId);
  const updated = await ctx.prisma.conversation.update({
    where: { id: conversation.id },
    data: { status: "open", handoffRequestedAt: null, assigneeId: null },
    include: withMessageCount,
  });
  await publishLive(ctx, { organizationId: ctx.organizationId, conversationId: conversation.id, kind: "status" });
  return toConversationView(updated);
}
