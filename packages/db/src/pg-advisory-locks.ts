import pg from "pg";

/** Releases a lock taken by tryAcquire. */
export type ReleaseLock = () => Promise<void>;

/**
 * Named, non-blocking PostgreSQL session advisory locks on one dedicated connection: what makes "only one replica
 * runs this" hold across API processes. PostgreSQL releases them by itself when the session ends, so a replica
 * killed mid-job leaves no stale claim behind for the next one to wait out. Names hash to 64-bit keys.
 */
export function createPgAdvisoryLocks(options: { databaseUrl: string; onError?: (error: unknown) => void }) {
  let client: Promise<pg.Client> | undefined;
  let closed = false;

  const session = (): Promise<pg.Client> => {
    client ??= (async () => {
      const next = new pg.Client({ connectionString: options.databaseUrl });
      // A lost session has lost its locks too; the next call opens a new one.
      const forget = (error: unknown) => {
        options.onError?.(error);
        client = undefined;
      };
      next.on("error", forget);
      try {
        await next.connect();
      } catch (error) {
        client = undefined;
        throw error;
      }
      return next;
    })();
    return client;
  };

  return {
    async tryAcquire(name: string): Promise<ReleaseLock | null> {
      if (closed) return null;
      const held = await session();
      const { rows } = await held.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [name]);
      if (!rows[0]?.ok) return null;
      return async () => {
        // On a session that has since been lost, the lock went with it.
        if ((await client?.catch(() => undefined)) === held) await held.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [name]).catch(() => undefined);
      };
    },
    async close(): Promise<void> {
      closed = true;
      const open = await client?.catch(() => undefined);
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}

export type PgAdvisoryLocks = ReturnType<typeof createPgAdvisoryLocks>;
