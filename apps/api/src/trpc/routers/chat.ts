import { chat, chatInput, streamChat } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc";

/** What the admin's preview sends; stored as an "api" channel conversation, never mixed up with widget visitors. */
const previewInput = chatInput.pick({ botId: true, message: true, conversationId: true });

export const chatRouter = {
  /** One JSON answer: `{ conversationId, messageId, message, citations }` (the REST/widget wire shape). */
  send: orgProcedure.input(previewInput).mutation(({ ctx, input }) => chat(ctx.core, { ...input, channel: "api" })),

  /**
   * Streaming variant (httpSubscriptionLink / SSE): yields `{ type: "meta", conversationId, userMessageId }`, then
   * `{ type: "token", text }`…, then `{ type: "done", conversationId, messageId, message, citations }`.
   */
  stream: orgProcedure.input(previewInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = await streamChat(ctx.core, { ...input, channel: "api" });
    yield { type: "meta" as const, conversationId: stream.conversationId, userMessageId: stream.userMessageId };
    for await (const event of stream.events) {
      if (signal?.aborted) return;
      yield event;
    }
  }),
} satisfies TRPCRouterRecord;
