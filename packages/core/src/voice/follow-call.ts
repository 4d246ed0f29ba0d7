import type { ServiceContext } from "../context";
import { watchConversation } from "../live";
import type { CallEventView, CallView } from "./call-schemas";
import { callSuggestions, type CallSuggestion } from "./call-suggestions";
import { getCallOrThrow, listCallEvents } from "./calls";
import { toCallView } from "./call-views";

/** The call as a live view shows it: the list fields, interventions, and what the owner may inject. */
export type LiveCallView = CallView & { interventionCount: number; suggestions: CallSuggestion[] };

export type CallStreamEvent =
  | { type: "call"; call: LiveCallView }
  | { type: "event"; event: CallEventView }
  /** Nothing happened for `heartbeatMs`: the transport sends a comment so proxies keep the connection. */
  | { type: "heartbeat" };

export interface FollowCallOptions {
  /** The last event id the viewer has (Last-Event-ID): only later events are sent. */
  after?: string | undefined;
  heartbeatMs: number;
  signal: AbortSignal;
}

async function liveView(ctx: ServiceContext, id: string): Promise<LiveCallView> {
  const call = await getCallOrThrow(ctx, id);
  return { ...toCallView(call), interventionCount: call.interventionCount, suggestions: callSuggestions(call) };
}

/**
 * A call as it happens, for the admin's live view: the call (again whenever status, sentiment, counts or
 * suggestions change), then its events after `after`, then each new one. Woken by live updates from any replica
 * (batched every 100 ms by the writer), it re-reads the database, so nothing is skipped or sent twice. A call of
 * another organization is "not found" before the stream starts.
 */
export async function followCall(ctx: ServiceContext, id: string, options: FollowCallOptions): Promise<AsyncGenerator<CallStreamEvent>> {
  const call = await getCallOrThrow(ctx, id);
  const watch = watchConversation(ctx.live, call.conversationId);
  async function* events(): AsyncGenerator<CallStreamEvent> {
    try {
      let last = options.after;
      let shown = "";
      for (;;) {
        const view = await liveView(ctx, id);
        const fingerprint = JSON.stringify(view);
        if (fingerprint !== shown) {
          shown = fingerprint;
          yield { type: "call", call: view };
        }
        for (;;) {
          const { data } = await listCallEvents(ctx, id, { after: last, limit: 500 });
          for (const event of data) {
            yield { type: "event", event };
            last = event.id;
          }
          if (data.length < 500) break;
        }
        while (!watch.takeChange()) {
          if (options.signal.aborted) return;
          const woken = await watch.waitForChange(options.heartbeatMs, options.signal);
          if (!woken && !options.signal.aborted) yield { type: "heartbeat" };
        }
      }
    } finally {
      watch.close();
    }
  }
  return events();
}
