import pg from "pg";

export interface PgPubSubOptions {
  databaseUrl: string;
  /** A PostgreSQL identifier (LISTEN takes no parameters, so it is checked, not quoted). */
  channel: string;
  /** Called when the listening connection fails; it reconnects on its own. */
  onError?: (error: unknown) => void;
  /** First wait before reconnecting (doubles up to 10 s). */
  reconnectMs?: number;
}

/**
 * PostgreSQL LISTEN/NOTIFY between API replicas: one dedicated connection listens (a pooled one cannot: LISTEN
 * belongs to a session), NOTIFY goes through a small pool so publishing never waits on the listener. After a
 * reconnect, subscribers get `null` — notifications sent meanwhile are lost, so they re-read.
 */
export function createPgPubSub(options: PgPubSubOptions) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.channel)) throw new Error(`invalid channel name ${options.channel}`);
  const listeners = new Set<(message: string | null) => void>();
  const publisher = new pg.Pool({ connectionString: options.databaseUrl, max: 2, idleTimeoutMillis: 30_000 });
  publisher.on("error", (error) => options.onError?.(error));
  const firstDelay = options.reconnectMs ?? 500;
  let delay = firstDelay;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const emit = (message: string | null) => {
    for (const listener of listeners) listener(message);
  };

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on("notification", (message) => {
      if (message.channel === options.channel && message.payload !== undefined) emit(message.payload);
    });
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, new Error("listening connection ended")));
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      lost(next, error);
      if (!isReconnect) throw error;
      return;
    }
    if (closed) return void next.end().catch(() => undefined);
    client = next;
    delay = firstDelay;
    if (isReconnect) emit(null);
  };

  const lost = (which: pg.Client, error: unknown) => {
    if (closed || retry || (client && client !== which)) return;
    client = undefined;
    options.onError?.(error);
    which.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, delay);
    delay = Math.min(delay * 2, 10_000);
  };

  return {
    kind: "postgres" as const,
    /** Resolves once LISTEN is in place (rejects if the first connection fails). */
    start: () => connect(false),
    async publish(message: string): Promise<void> {
      await publisher.query("SELECT pg_notify($1, $2)", [options.channel, message]);
    },
    subscribe(listener: (message: string | null) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close(): Promise<void> {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      await Promise.allSettled([client?.end(), publisher.end()]);
    },
  };
}
