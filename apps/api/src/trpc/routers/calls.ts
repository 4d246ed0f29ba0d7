import { controlCall, followCall, getCall, listCallEvents, listCallEventsInput, listCalls, listCallsInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { HEARTBEAT_MS } from "../../sse/visitor-events";
import { orgProcedure } from "../trpc";

const byId = z.object({ id: z.string().min(1) });

export const callsRouter = {
  /** Newest first; filters bot, status, since/until; `nextCursor` → `cursor`. */
  list: orgProcedure.input(listCallsInput.optional()).query(({ ctx, input }) => listCalls(ctx.core, input ?? {})),
  /** The call with transcript, tool latency and suggestions. */
  get: orgProcedure.input(byId).query(({ ctx, input }) => getCall(ctx.core, input.id)),
  events: orgProcedure.input(byId.merge(listCallEventsInput)).query(({ ctx, input }) => listCallEvents(ctx.core, input.id, input)),
  /** say | add-message | mute | unmute | end, sent to the call's control URL; counted as an intervention. */
  // The action is validated by controlCall (callControlInput), so problems name `action` / `message` as in REST.
  control: orgProcedure
    .input(byId.extend({ action: z.string(), message: z.string().optional() }))
    .mutation(({ ctx, input }) => controlCall(ctx.core, input.id, { action: input.action as never, message: input.message })),
  /**
   * The live view (httpSubscriptionLink / SSE): `{ type: "call", call }` first and on every change, then
   * `{ type: "event", event }` for each event after `after`; heartbeats are not forwarded.
   */
  live: orgProcedure.input(byId.extend({ after: z.string().min(1).optional() })).subscription(async function* ({ ctx, input, signal }) {
    const abort = new AbortController();
    signal?.addEventListener("abort", () => abort.abort());
    const events = await followCall(ctx.core, input.id, { after: input.after, heartbeatMs: HEARTBEAT_MS, signal: abort.signal });
    try {
      for await (const event of events) {
        if (signal?.aborted) return;
        if (event.type !== "heartbeat") yield event;
      }
    } finally {
      abort.abort();
    }
  }),
} satisfies TRPCRouterRecord;
