import { AppError, type ChatEvent, type ChatStream } from "@frontdesk/core";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Logger } from "pino";
import { toAppError } from "../errors";

export const CONVERSATION_HEADER = "X-Frontdesk-Conversation-Id";

type Done = Extract<ChatEvent, { type: "done" }>;

/** OpenAI's usage object from the model's counts (tool rounds included); an extractive answer used no tokens. */
function usageOf(done: Done | undefined) {
  const prompt = done?.usage?.promptTokens ?? 0;
  const completion = done?.usage?.completionTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * A Frontdesk answer as an OpenAI chat completion: one JSON `chat.completion`, or (stream) `chat.completion.chunk`
 * SSE data lines ending with `data: [DONE]`. The conversation id goes back in X-Frontdesk-Conversation-Id so the
 * next turn continues it; the answer's sources ride along as `citations` (an extension clients ignore).
 */
export async function chatCompletionResponse(
  c: Context,
  chat: ChatStream,
  options: { model: string; stream: boolean; includeUsage: boolean; logger: Logger },
): Promise<Response> {
  const id = `chatcmpl-${chat.userMessageId}`;
  const created = Math.floor(Date.now() / 1000);
  c.header(CONVERSATION_HEADER, chat.conversationId);
  c.header("Access-Control-Expose-Headers", CONVERSATION_HEADER);
  const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model: options.model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    // With include_usage every chunk has the field, null until the last (choice-less) chunk, as OpenAI sends it.
    ...(options.includeUsage ? { usage: null } : {}),
    ...extra,
  });

  if (!options.stream) {
    let text = "";
    let done: Done | undefined;
    for await (const event of chat.events) {
      if (event.type === "token") text += event.text;
      else done = event;
    }
    if (!done) throw new AppError("internal", "The answer ended without a result");
    return c.json({
      id,
      object: "chat.completion",
      created,
      model: options.model,
      choices: [{ index: 0, message: { role: "assistant", content: done.message || text, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: usageOf(done),
      citations: done.citations,
      conversation_id: chat.conversationId,
    });
  }

  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (sse) => {
    const send = (data: unknown) => (sse.aborted || sse.closed ? Promise.resolve() : sse.writeSSE({ data: JSON.stringify(data) }));
    await send(chunk({ role: "assistant", content: "" }, null));
    let streamed = false;
    try {
      for await (const event of chat.events) {
        if (event.type === "token") {
          streamed = true;
          await send(chunk({ content: event.text }, null));
        } else {
          // Handoff turns and some answer paths produce no tokens: the whole message goes out as one delta.
          if (!streamed && event.message) await send(chunk({ content: event.message }, null));
          await send(chunk({}, "stop", { citations: event.citations, conversation_id: chat.conversationId }));
          if (options.includeUsage) await send({ id, object: "chat.completion.chunk", created, model: options.model, choices: [], usage: usageOf(event) });
        }
      }
    } catch (error) {
      const { appError, unexpected } = toAppError(error);
      if (unexpected) options.logger.error({ err: error, conversationId: chat.conversationId }, "chat completion stream failed");
      await send({ error: { message: appError.message, type: "server_error", param: null, code: appError.code } });
    }
    if (!sse.aborted && !sse.closed) await sse.writeSSE({ data: "[DONE]" });
  });
}
