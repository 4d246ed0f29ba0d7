import type { PubSubTransport } from "./live-updates";

/** One process only (embedded PGlite, tests): delivery is a function call, after the publisher's await. */
export function createMemoryTransport(): PubSubTransport {
  const listeners = new Set<(message: string | null) => void>();
  return {
    kind: "memory",
    async publish(message) {
      // Asynchronous like the real transports, so a publisher never runs subscribers inside its own transaction.
      queueMicrotask(() => {
        for (const listener of listeners) listener(message);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
