import type { AppDeps } from "../context";
import { publishLive, type LiveUpdate, type LiveUpdates } from "../live";

/** Transcripts arrive many times a second: updates are coalesced per conversation and sent at most every 100 ms. */
export const LIVE_BATCH_MS = 100;

interface Batch {
  pending: Map<string, LiveUpdate>;
  timer: NodeJS.Timeout | undefined;
}

const batches = new WeakMap<LiveUpdates, Batch>();

/**
 * Announces a change of a call (kind `message`: transcript or event, `status`: call status) to live views on every
 * replica. Updates carry no content (subscribers re-read), so a batch only needs each conversation's kinds once.
 */
export function publishCallUpdate(deps: Pick<AppDeps, "live" | "logger">, update: LiveUpdate): void {
  let batch = batches.get(deps.live);
  if (!batch) {
    batch = { pending: new Map(), timer: undefined };
    batches.set(deps.live, batch);
  }
  batch.pending.set(`${update.conversationId}:${update.kind}`, update);
  if (batch.timer) return;
  const current = batch;
  current.timer = setTimeout(() => {
    const updates = [...current.pending.values()];
    current.pending.clear();
    current.timer = undefined;
    for (const pending of updates) void publishLive(deps, pending);
  }, LIVE_BATCH_MS);
  // A pending batch must not keep a finishing process (tests, shutdown) alive.
  current.timer.unref?.();
}
