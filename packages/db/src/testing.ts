import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "./client";
import { migratePostgres, TRANSACTION_OPTIONS } from "./client";
import { PrismaClient } from "./generated/prisma/client";
import { migrate } from "./migrate";
import { openPglite } from "./pglite";
import { pgliteExecutor } from "./sql-executor";

export type { Database } from "./client";

/** URL of the server tests create their databases on, if any. */
export function testServerUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

/**
 * A fresh, migrated database per call: a new `frontdesk_test_<random>` database on the TEST_DATABASE_URL
 * (or DATABASE_URL) server, dropped on close(); otherwise in-memory PGlite.
 * `serverUrl` overrides the environment; `null` forces in-memory PGlite.
 */
export async function createTestDatabase(options: { serverUrl?: string | null } = {}): Promise<Database> {
  const serverUrl = options.serverUrl === undefined ? testServerUrl() : options.serverUrl;
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createPgliteTestDatabase();
}

async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresTestDatabase(serverUrl: string): Promise<Database> {
  const name = `frontdesk_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  try {
    await migratePostgres(databaseUrl);
  } catch (error) {
    await drop();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "postgres",
    url: databaseUrl,
    async close() {
      try {
        await prisma.$disconnect();
      } finally {
        await drop();
      }
    },
  };
}

// Starting PGlite and running the migrations takes seconds; a snapshot of a migrated database, taken once per
// process, loads several times faster.
let migratedSnapshot: Promise<Blob> | undefined;

function migratedPgliteSnapshot(): Promise<Blob> {
  migratedSnapshot ??= (async () => {
    const pglite = await openPglite();
    try {
      await migrate(pgliteExecutor(pglite));
      return await pglite.dumpDataDir("none");
    } finally {
      await pglite.close();
    }
  })().catch((error: unknown) => {
    migratedSnapshot = undefined;
    throw error;
  });
  return migratedSnapshot;
}

async function createPgliteTestDatabase(): Promise<Database> {
  const pglite = await openPglite({ loadDataDir: await migratedPgliteSnapshot() });
  // Picks up migrations added since the snapshot (normally none).
  await migrate(pgliteExecutor(pglite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "pglite",
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
