import { answerStoredMessage, qualifyConversation, recordInboundMessage, sendChannelMessage, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { channelMessageReceived } from "../../events";
import { callProvider } from "../provider-step";

export const INBOUND_RETRIES = 4;

/**
 * channels/message.received → store (refusing a MessageSid already stored) → answer from the bot's knowledge as
 * web chat does → send the answer back on the same channel → re-score the conversation's lead. Each step runs once per message: a retry resumes
 * at the step that failed. Messages of one conversation are handled one at a time, in order.
 */
export function createHandleInboundMessage(deps: AppDeps) {
  return inngest.createFunction(
    {
      id: "handle-inbound-message",
      name: "Handle an inbound SMS or WhatsApp message",
      triggers: [channelMessageReceived],
      retries: INBOUND_RETRIES,
      concurrency: [{ key: "event.data.conversationKey", limit: 1 }],
    },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      const recorded = await step.run("store-message", () => recordInboundMessage(ctx, event.data));
      if (recorded.duplicate) return { duplicate: true };
      const reply = await step.run("answer", () => answerStoredMessage(ctx, { messageId: recorded.messageId }));
      const sent = reply.message ? await step.run("send-reply", () => callProvider(() => sendChannelMessage(ctx, { messageId: reply.messageId }))) : null;
      // What follows the answer on the same channel, e.g. the handoff notice after answers that found nothing.
      for (const noticeId of reply.noticeIds ?? []) {
        await step.run(`send-notice-${noticeId}`, () => callProvider(() => sendChannelMessage(ctx, { messageId: noticeId })));
      }
      // After the reply, so a slow model scoring the lead never delays the visitor's answer.
      const lead = await step.run("qualify", () => qualifyConversation(ctx, { conversationId: recorded.conversationId }));
      return { duplicate: false, replied: sent?.sent ?? false, lead };
    },
  );
}
