import type { Conversation, Message } from "@frontdesk/db";
import { timeSpan } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { emitConversationCreated, emitMessageCreated } from "./emit-chat-events";
import { readWebhookSubscriptions } from "./emit-domain-event";

export type TurnWebhooks = ReturnType<typeof turnWebhooks>;

/**
 * The webhooks of one chat turn: the organization's endpoints are read once, as the turn starts, for every event
 * it emits (conversation.created, message.created for the question and the answer), and the events are recorded
 * one after another in the order they happened, without holding up the answer. `settled` resolves once all are
 * recorded (the turn awaits it before `done`, so a reply still means its webhooks are queued). Never rejects.
 */
export function turnWebhooks(ctx: ServiceContext) {
  const subscriptions = readWebhookSubscriptions(ctx);
  let recorded: Promise<void> = Promise.resolve();
  // Each emit never throws (emitDomainEvent logs instead), so the chain never breaks.
  const then = (emit: () => Promise<void>) => void (recorded = recorded.then(emit));
  return {
    conversationCreated: (conversation: Conversation) => then(() => emitConversationCreated(ctx, conversation, subscriptions)),
    messageCreated: (message: Pick<Message, "id" | "conversationId" | "role" | "content" | "createdAt">) =>
      then(() => timeSpan("chat.emitMessageCreated", () => emitMessageCreated(ctx, message, subscriptions))),
    settled: (): Promise<void> => recorded,
  };
}
