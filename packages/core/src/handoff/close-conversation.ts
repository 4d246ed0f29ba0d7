import type { ServiceContext } from "../context";
import type { ConversationView } from "../conversations/schemas";
import { toConversationView, withMessageCount } from "../conversations/views";
import { publishLive } from "../live";
import { conversationForOperator } from "./conversation-for-operator";

/**
 * Resolves the conversation: status closed, no pending handoff request or assignee, so it leaves the waiting count.
 * A new inbound SMS/WhatsApp message reopens it (see channels/record-inbound-message.ts).
 */
export async function closeConversation(ctx: ServiceContext, conversationId: string): Promise<ConversationView> {
  const conversation = await conversationForOperator(ctx, conversationId);
  const updated = await ctx.prisma.conversation.update({
    where: { id: conversation.id },
    data: { status: "closed", handoffRequestedAt: null, assigneeId: null },
    include: withMessageCount,
  });
  await publishLive(ctx, { organizationId: ctx.organizationId, conversationId: conversation.id, kind: "status" });
  return toConversationView(updated);
}
