import type { Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { toAppError } from "../errors";

/**
 * Streams a live follower (widget conversation, call) as server-sent events until the client leaves: `write` sends
 * each item, an unexpected failure is reported and ends the stream with an `error` event, and the follower is
 * stopped either way. Proxies are told not to buffer (nginx would otherwise deliver nothing live).
 */
export function liveStream<T>(
  c: Context,
  events: AsyncGenerator<T>,
  abort: AbortController,
  write: (sse: SSEStreamingApi, event: T) => Promise<void>,
  onUnexpected: (error: unknown) => void,
): Response {
  c.header("X-Accel-Buffering", "no");
  c.header("Cache-Control", "no-store");
  return streamSSE(c, async (sse) => {
    sse.onAbort(() => abort.abort());
    try {
      for await (const event of events) {
        if (sse.aborted || sse.closed) break;
        await write(sse, event);
      }
    } catch (error) {
      const { appError, unexpected } = toAppError(error);
      if (unexpected) onUnexpected(error);
      if (!sse.aborted && !sse.closed) await sse.writeSSE({ event: "error", data: JSON.stringify({ code: appError.code, title: appError.message }) });
    } finally {
      abort.abort();
      await events.return(undefined);
    }
  });
}
