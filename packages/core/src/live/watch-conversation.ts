import type { LiveSignal, LiveUpdates } from "./live-updates";

export interface ConversationWatch {
  /** True (once) if an update for the conversation, or a resync, arrived since the last call. */
  takeChange(): boolean;
  /** Resolves true when a change arrives, false after `ms` or when `signal` aborts. */
  waitForChange(ms: number, signal: AbortSignal): Promise<boolean>;
  close(): void;
}

/**
 * Wakes a follower (a live stream re-reading the database) when a live update for one conversation arrives from any
 * replica. Subscribe before the first read so an update committed in between is not lost.
 */
export function watchConversation(live: Pick<LiveUpdates, "subscribe">, conversationId: string): ConversationWatch {
  let changed = false;
  let wake: (() => void) | undefined;
  const unsubscribe = live.subscribe((signal: LiveSignal) => {
    if (signal.kind !== "resync" && signal.conversationId !== conversationId) return;
    changed = true;
    wake?.();
  });
  return {
    takeChange() {
      const was = changed;
      changed = false;
      return was;
    },
    waitForChange(ms, signal) {
      if (changed) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = (woken: boolean) => {
          clearTimeout(timer);
          signal.removeEventListener("abort", aborted);
          wake = undefined;
          resolve(woken);
        };
        const aborted = () => done(false);
        const timer = setTimeout(() => done(false), ms);
        wake = () => done(true);
        signal.addEventListener("abort", aborted);
      });
    },
    close: unsubscribe,
  };
}
