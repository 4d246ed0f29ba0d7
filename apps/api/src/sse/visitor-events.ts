import { followVisitorConversation, type ServiceContext } from "@frontdesk/core";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Logger } from "pino";
import { toAppError } from "../errors";

/** Comment lines at least this often keep proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;

/**
 * The widget's live conversation (GET …/conversations/:id/events): `status` events, and `message` events whose
 * SSE id is the message id, so a client reconnecting with Last-Event-ID (or `after`) gets exactly what it missed.
 * Ownership is checked before the stream starts, so a wrong visitor gets the usual 404 problem body.
 */
export async function visitorEvents(
  c: Context,
  ctx: ServiceContext,
  input: { conversationId: string; visitorId: string | undefined; after: string | undefined },
  logger: Logger,
  heartbeatMs = HEARTBEAT_MS,
): Promise<Response> {
  const abort = new AbortController();
  const events = await followVisitorConversation(ctx, input.conversationId, {
    visitorId: input.visitorId,
    after: input.after,
    heartbeatMs,
    signal: abort.signal,
  });
  // Proxies such as nginx buffer responses unless told not to; a buffered stream would deliver nothing live.
  c.header("X-Accel-Buffering", "no");
  c.header("Cache-Control", "no-store");
  return streamSSE(c, async (sse) => {
    sse.onAbort(() => abort.abort());
    try {
      for await (const event of events) {
        if (sse.aborted || sse.closed) break;
        if (event.type === "heartbeat") await sse.write(": ping\n\n");
        else if (event.type === "status") await sse.writeSSE({ event: "status", data: JSON.stringify({ status: event.status }) });
        else await sse.writeSSE({ event: "message", id: event.message.id, data: JSON.stringify(event.message) });
      }
    } catch (error) {
      const { appError, unexpected } = toAppError(error);
      if (unexpected) logger.error({ err: error, conversationId: input.conversationId }, "visitor event stream failed");
      if (!sse.aborted && !sse.closed) await sse.writeSSE({ event: "error", data: JSON.stringify({ code: appError.code, title: appError.message }) });
    } finally {
      abort.abort();
      await events.return(undefined);
    }
  });
}
