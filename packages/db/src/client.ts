import { PrismaPg } from "@prisma/adapter-pg";
import { loadConfig } from "@frontdesk/config";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbeddedPglite } from "./embedded";
import { PrismaClient } from "./generated/prisma/client";
import { migrate, type MigrateResult } from "./migrate";
import { pgExecutor, pgliteExecutor } from "./sql-executor";

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /** The PostgreSQL URL (unset for PGlite): for dedicated sessions such as LISTEN. */
  url?: string;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** PostgreSQL URL; defaults to DATABASE_URL. Unset means embedded PGlite. */
  databaseUrl?: string;
  /** Data directory for embedded PGlite (`<dataDir>/pglite`); defaults to FRONTDESK_DATA_DIR. */
  dataDir?: string;
  /** Environment to read defaults from (tests pass `{}` to force the embedded database). */
  env?: Record<string, string | undefined>;
}

/**
 * How long a transaction may wait to start. PGlite has one connection: a transaction waits until the one before it
 * ends (e.g. a chunk replacement's switch, which indexes every new chunk); PostgreSQL's pool runs out under load
 * (the load bench). Prisma's default 2 s would fail a chat's search then (503); waiting is right.
 */
export const TRANSACTION_OPTIONS = { maxWait: 120_000 } as const;

/** Opens the app database (PostgreSQL when a URL is configured, else embedded PGlite) and applies pending migrations. */
export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<Database> {
  const config = loadConfig(options.env ?? process.env);
  const databaseUrl = options.databaseUrl ?? config.DATABASE_URL;
  if (databaseUrl) return openPostgres(databaseUrl);
  return openEmbedded(options.dataDir ?? config.FRONTDESK_DATA_DIR);
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  await migratePostgres(databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "postgres",
    url: databaseUrl,
    async close() {
      await prisma.$disconnect();
    },
  };
}

/** Migrates over one dedicated connection (the runner's advisory lock and transactions are per connection). */
export async function migratePostgres(databaseUrl: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await migrate(pgExecutor(client));
  } finally {
    await client.end();
  }
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const embedded = await openEmbeddedPglite(dataDir);
  try {
    await migrate(pgliteExecutor(embedded.pglite));
  } catch (error) {
    await embedded.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "pglite",
    async close() {
      try {
        await prisma.$disconnect();
      } finally {
        await embedded.close();
      }
    },
  };
}
