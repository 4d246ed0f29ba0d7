import { followVisitorConversation, type ServiceContext } from "@frontdesk/core";
import type { Context } from "hono";
import type { Logger } from "pino";
import { liveStream } from "./live-stream";

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
  return liveStream(
    c,
    events,
    abort,
    async (sse, event) => {
      if (event.type === "heartbeat") await sse.write(": ping\n\n");
      else if (event.type === "status") await sse.writeSSE({ event: "status", data: JSON.stringify({ status: event.status }) });
      else await sse.writeSSE({ event: "message", id: event.message.id, data: JSON.stringify(event.message) });
    },
    (error) => logger.error({ err: error, conversationId: input.conversationId }, "visitor event stream failed"),
  );
}
