import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "./client";
import { TRANSACTION_OPTIONS } from "./client";
import { PrismaClient } from "./generated/prisma/client";
import { openPglite } from "./pglite";
import { createPostgresFromTemplate, databaseUrl, migratedPgliteSnapshot, withAdminClient } from "./test-templates";

export type { Database } from "./client";
export { logStatements, type LoggedStatement } from "./statement-log";

/** URL of the server tests create their databases on, if any. */
export function testServerUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

/**
 * A fresh, migrated database per call: a new `frontdesk_test_<random>` database on the TEST_DATABASE_URL
 * (or DATABASE_URL) server, dropped on close(); otherwise in-memory PGlite. Both start as a copy of a template
 * migrated once (see test-templates.ts), which is much faster than migrating every test database.
 * `serverUrl` overrides the environment; `null` forces in-memory PGlite.
 */
export async function createTestDatabase(options: { serverUrl?: string | null } = {}): Promise<Database> {
  const serverUrl = options.serverUrl === undefined ? testServerUrl() : options.serverUrl;
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createPgliteTestDatabase();
}

async function createPostgresTestDatabase(serverUrl: string): Promise<Database> {
  const name = `frontdesk_test_${randomBytes(6).toString("hex")}`;
  await createPostgresFromTemplate(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  const drop = () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "postgres",
    url,
    async close() {
      try {
        await prisma.$disconnect();
      } finally {
        await drop();
      }
    },
  };
}

async function createPgliteTestDatabase(): Promise<Database> {
  const pglite = await openPglite({ loadDataDir: await migratedPgliteSnapshot() });
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
