import { z } from "zod";

/**
 * What changed, never the content: subscribers re-read the database, so a payload stays tiny (PostgreSQL NOTIFY
 * caps payloads at 8000 bytes) and carries nothing a tenant should not see.
 */
export const liveUpdateSchema = z.object({
  organizationId: z.string().min(1).max(64),
  conversationId: z.string().min(1).max(64),
  kind: z.enum(["message", "status"]),
});
export type LiveUpdate = z.infer<typeof liveUpdateSchema>;

/** An update, or `resync`: the transport may have missed some (it reconnected), so re-read everything followed. */
export type LiveSignal = LiveUpdate | { kind: "resync" };

/**
 * A broadcast channel of plain strings shared by every API replica: PostgreSQL LISTEN/NOTIFY, Redis pub/sub, or
 * an in-process emitter when there is only one process (embedded PGlite).
 */
export interface PubSubTransport {
  readonly kind: "memory" | "postgres" | "redis";
  publish(message: string): Promise<void>;
  /** `onMessage(null)` after a reconnect: messages sent while disconnected are lost. */
  subscribe(onMessage: (message: string | null) => void): () => void;
  close(): Promise<void>;
}

/** Pushes to browsers (operator replies, live status) that must reach visitors connected to any replica. */
export interface LiveUpdates {
  readonly transport: PubSubTransport["kind"];
  publish(update: LiveUpdate): Promise<void>;
  subscribe(listener: (signal: LiveSignal) => void): () => void;
  close(): Promise<void>;
}

export function createLiveUpdates(transport: PubSubTransport): LiveUpdates {
  return {
    transport: transport.kind,
    publish: (update) => transport.publish(JSON.stringify(liveUpdateSchema.parse(update))),
    subscribe(listener) {
      return transport.subscribe((message) => {
        if (message === null) return listener({ kind: "resync" });
        // Another replica (maybe a newer version) wrote it: ignore what we cannot read rather than throw.
        const parsed = liveUpdateSchema.safeParse(safeJson(message));
        if (parsed.success) listener(parsed.data);
      });
    },
    close: () => transport.close(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
