import type { ChatEvent, ChatResponse, ChatStream } from "@frontdesk/core";
import { AppError } from "@frontdesk/core";
import type { Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import type { Logger } from "pino";
import { toAppError } from "../errors";

export const wantsEventStream = (c: Context) => (c.req.header("accept") ?? "").includes("text/event-stream");

/**
 * Sends a chat answer in the shared wire format: JSON `{conversationId, messageId, message, citations}`, or with
 * `Accept: text/event-stream` the events `meta`, `token`…, then `done` (or `error`).
 */
export async function chatResponse(c: Context, chat: ChatStream, logger: Logger): Promise<Response> {
  if (!wantsEventStream(c)) return c.json(await collect(chat.events), 200);
  return streamSSE(c, async (sse) => {
    await send(sse, "meta", { conversationId: chat.conversationId, userMessageId: chat.userMessageId });
    try {
      for await (const event of chat.events) {
        // A visitor who leaves mid-answer still gets the finished answer in their history: keep draining.
        if (sse.aborted || sse.closed) continue;
        if (event.type === "token") await send(sse, "token", { text: event.text });
        else await send(sse, "done", withoutType(event));
      }
    } catch (error) {
      const { appError, unexpected } = toAppError(error);
      if (unexpected) logger.error({ err: error, conversationId: chat.conversationId }, "chat stream failed");
      await send(sse, "error", { code: appError.code, title: appError.message });
    }
  });
}

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatResponse> {
  for await (const event of events) if (event.type === "done") return withoutType(event);
  throw new AppError("internal", "The answer ended without a result");
}

function withoutType(event: Extract<ChatEvent, { type: "done" }>): ChatResponse {
  const { type: _type, usage: _usage, ...response } = event;
  return response;
}

async function send(sse: SSEStreamingApi, event: string, data: unknown): Promise<void> {
  if (sse.aborted || sse.closed) return;
  await sse.writeSSE({ event, data: JSON.stringify(data) });
}
