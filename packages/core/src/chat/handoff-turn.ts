import type { Conversation } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { toVisitorMessage } from "../conversations/visitor-message";
import { detectHandoffRequest } from "../handoff/detect-handoff-request";
import { requestHandoff } from "../handoff/request-handoff";
import { addLeadFormIfDue } from "../leads/lead-form";
import type { ChatEvent } from "./schemas";

/** The turn goes to a person, not the bot (what handoffTurn checks before touching the database). */
export function isHandoffTurn(conversation: Pick<Conversation, "status"> | null, message: string, requested?: boolean | undefined): boolean {
  return conversation?.status === "handoff" || requested === true || detectHandoffRequest(message);
}

/**
 * The turn when a person is (or is now being) asked for: the bot does not answer. A new request records the
 * bot's notice (and the lead form when leadCapture is on_handoff); while already waiting, `done` carries no
 * message and the visitor's text waits for the operator. Null when the bot should answer as usual.
 */
export async function handoffTurn(
  ctx: ServiceContext,
  input: { conversation: Conversation; leadCapture: unknown; message: string; requested?: boolean | undefined },
): Promise<AsyncGenerator<ChatEvent> | null> {
  const { conversation } = input;
  if (!isHandoffTurn(conversation, input.message, input.requested)) return null;
  if (conversation.status === "handoff") {
    return (async function* () {
      yield { type: "done", conversationId: conversation.id, messageId: "", message: "", citations: [], status: "handoff", followUps: [] };
    })();
  }
  const notice = await requestHandoff(ctx, conversation);
  const form = await addLeadFormIfDue(ctx, { conversationId: conversation.id, channel: conversation.channel, leadCapture: input.leadCapture, trigger: "handoff" });
  return (async function* () {
    yield {
      type: "done",
      conversationId: conversation.id,
      messageId: notice.id,
      message: notice.content,
      citations: [],
      status: "handoff",
      followUps: form ? [toVisitorMessage(form)] : [],
    };
  })();
}
