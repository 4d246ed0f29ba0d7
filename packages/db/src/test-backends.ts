import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPglite } from "./pglite";
import { pgExecutor, pgliteExecutor, type SqlExecutor } from "./sql-executor";
import { testServerUrl } from "./testing";

/** Backends the db tests run against: PGlite always, PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set. */
export const testBackends: { name: "pglite" | "postgres"; serverUrl: string | null }[] = [
  { name: "pglite", serverUrl: null },
  ...(testServerUrl() ? [{ name: "postgres" as const, serverUrl: testServerUrl() ?? null }] : []),
];

export interface EmptyDatabase {
  /** Opens another executor on the same database (PGlite: the same instance). */
  connect(): Promise<SqlExecutor & { close(): Promise<void> }>;
  close(): Promise<void>;
}

let emptySnapshot: Promise<Blob> | undefined;

// Loading a snapshot skips initdb, which is most of PGlite's start-up time.
function emptyPgliteSnapshot(): Promise<Blob> {
  emptySnapshot ??= openPglite().then(async (pglite) => {
    const snapshot = await pglite.dumpDataDir("none");
    await pglite.close();
    return snapshot;
  });
  return emptySnapshot;
}

/** A fresh database with nothing in it (not migrated), for exercising the migration runner itself. */
export async function createEmptyDatabase(serverUrl: string | null): Promise<EmptyDatabase> {
  if (!serverUrl) {
    const pglite = await openPglite({ loadDataDir: await emptyPgliteSnapshot() });
    return {
      connect: async () => ({ ...pgliteExecutor(pglite), close: async () => undefined }),
      close: () => pglite.close(),
    };
  }
  const name = `frontdesk_test_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    async connect() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return { ...pgExecutor(client), close: () => client.end() };
    },
    close: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
