import type { ServiceContext } from "../context";
import { toMessageView } from "../conversations/views";
import type { MessageView } from "../conversations/schemas";
import { publishLive } from "../live";
import { parseInput } from "../parse-input";
import { emitMessageCreated } from "../webhooks/emit-chat-events";
import { learnFromOperatorReply } from "../learning/learn-from-turn";
import { actingUserId, conversationForOperator } from "./conversation-for-operator";
import { operatorReplyInput } from "./schemas";

/**
 * Posts a person's reply (role operator) to the visitor. Replying takes the conversation over if nobody has, so
 * the bot never answers alongside a person; visitors' widgets get it pushed over their
 * event stream, whichever replica they are connected to, and SMS/WhatsApp visitors get it as a text message.
 */
export async function replyAsOperator(ctx: ServiceContext, conversationId: string, text: string): Promise<MessageView> {
  const { text: content } = parseInput(operatorReplyInput, { text });
  const conversation = await conversationForOperator(ctx, conversationId);
  const userId = actingUserId(ctx);
  const message = await ctx.prisma.message.create({
    data: { organizationId: ctx.organizationId, conversationId: conversation.id, role: "operator", content, authorUserId: userId },
  });
  await ctx.prisma.conversation.update({
    where: { id: conversation.id },
    data: {
      lastMessageAt: message.createdAt,
      status: "handoff",
      handoffRequestedAt: conversation.handoffRequestedAt ?? message.createdAt,
      assigneeId: conversation.assigneeId ?? userId,
    },
  });
  await publishLive(ctx, { organizationId: ctx.organizationId, conversationId: conversation.id, kind: "message" });
  await emitMessageCreated(ctx, message);
  await learnFromOperatorReply(ctx, { conversationId: conversation.id, messageId: message.id, text: content, at: message.createdAt });
  // SMS and WhatsApp visitors have no event stream: the reply goes out through Twilio from the worker.
  if (conversation.channel === "sms" || conversation.channel === "whatsapp") {
    await ctx.events.send({ name: "channels/reply.requested", id: `channel-reply-${message.id}`, data: { organizationId: ctx.organizationId, messageId: message.id } });
  }
  return toMessageView(message);
}
