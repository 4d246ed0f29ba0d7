import { followCall, type ServiceContext } from "@frontdesk/core";
import type { Context } from "hono";
import type { Logger } from "pino";
import { liveStream } from "./live-stream";
import { HEARTBEAT_MS } from "./visitor-events";

/**
 * A live call for the admin (GET /api/v1/calls/{id}/live): `call` events (status, sentiment, counts, suggestions),
 * `event` events whose SSE id is the call event id (a reconnect with Last-Event-ID gets exactly what it missed),
 * `: ping` comments while quiet. A call of another organization is a 404 problem before the stream starts.
 */
export async function callEvents(c: Context, ctx: ServiceContext, input: { callId: string; after: string | undefined }, logger: Logger): Promise<Response> {
  const abort = new AbortController();
  const events = await followCall(ctx, input.callId, { after: input.after, heartbeatMs: HEARTBEAT_MS, signal: abort.signal });
  return liveStream(
    c,
    events,
    abort,
    async (sse, event) => {
      if (event.type === "heartbeat") await sse.write(": ping\n\n");
      else if (event.type === "call") await sse.writeSSE({ event: "call", data: JSON.stringify(event.call) });
      else await sse.writeSSE({ event: "event", id: event.event.id, data: JSON.stringify(event.event) });
    },
    (error) => logger.error({ err: error, callId: input.callId }, "call event stream failed"),
  );
}
