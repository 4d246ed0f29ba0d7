import type { Conversation, Message } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { emitDomainEvent, type WebhookSubscriptions } from "./emit-domain-event";

/** conversation.created webhooks for a conversation just opened. */
export async function emitConversationCreated(ctx: ServiceContext, conversation: Conversation, subscriptions?: WebhookSubscriptions): Promise<void> {
  await emitDomainEvent(ctx, "conversation.created", {
    conversationId: conversation.id,
    botId: conversation.botId,
    channel: conversation.channel,
    visitorId: conversation.visitorId,
    createdAt: conversation.createdAt.toISOString(),
  }, subscriptions);
}

/** message.created webhooks for a message just stored (visitor, assistant or operator). */
export async function emitMessageCreated(
  ctx: ServiceContext,
  message: Pick<Message, "id" | "conversationId" | "role" | "content" | "createdAt">,
  subscriptions?: WebhookSubscriptions,
): Promise<void> {
  await emitDomainEvent(ctx, "message.created", {
    messageId: message.id,
    conversationId: message.conversationId,
    role: message.role,
    content: message.content,
    createdAt: message.createdAt.toISOString(),
  }, subscriptions);
}
