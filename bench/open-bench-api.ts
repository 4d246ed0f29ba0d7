import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@frontdesk/config";
import { buildDeps, buildRagRuntime, startServer, type ApiDeps, type RunningServer } from "@frontdesk/api";
import { createDatabase, type Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import pino from "pino";
import { createTenant, type Tenant } from "../apps/api/test/support/test-api";
import { keptTenant, type KeptTenant } from "./kept-bench-tenant";

export interface BenchApi {
  deps: ApiDeps;
  tenant: Tenant;
  /** "pglite (temp dir)" or "postgres (fresh database)". */
  databaseLabel: string;
  /** Seconds spent loading the local embedding model (done up front so it is not billed to the first job). */
  modelLoadSeconds: number;
  /** Seconds from nothing to a ready tenant: database + migrations, deps, model load, onboarding. */
  setupSeconds: number;
  /** Present when `listen` was asked for: the real HTTP server on 127.0.0.1. */
  server?: RunningServer;
  close(): Promise<void>;
}

/**
 * The production wiring (buildDeps: real local embeddings, in-process worker) on a throwaway database: embedded
 * PGlite in a temp dir by default, or a fresh database on the DATABASE_URL server (dropped afterwards).
 */
export async function openBenchApi(
  options: {
    listen?: boolean;
    /** An existing database, migrated and kept: a postgres:// URL, or a directory for embedded PGlite. */
    keepDatabaseUrl?: string;
    /** A tenant an earlier run created in the kept database (see kept-bench-tenant.ts), instead of a new one. */
    tenant?: KeptTenant;
    /**
     * false: ingestion stores no sentence vectors (RagRuntime.sentenceVectorsAtIngestion), about 5x faster with the
     * local model. Only for benches that never read them: retrieval with `sentenceWeight` 0 (the default).
     */
    sentenceVectors?: boolean;
  } = {},
): Promise<BenchApi> {
  const setupStarted = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), "frontdesk-bench-"));
  const serverUrl = process.env.DATABASE_URL?.trim();
  // keepDatabaseUrl: an existing database that is migrated and kept (a development cache for bench:retrieval).
  const kept = options.keepDatabaseUrl;
  const database: Database = kept
    ? await createDatabase(/^postgres(ql)?:\/\//.test(kept) ? { databaseUrl: kept, env: {} } : { dataDir: kept, env: {} })
    : serverUrl
      ? await createTestDatabase({ serverUrl })
      : await createDatabase({ dataDir, env: {} });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: undefined,
    FRONTDESK_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    BETTER_AUTH_SECRET: "bench-secret-".padEnd(40, "x"),
  });
  const rag = options.sentenceVectors === false ? { ...(await buildRagRuntime(config)), sentenceVectorsAtIngestion: false } : undefined;
  const deps = await buildDeps(config, { database, logger: pino({ level: "silent" }), ...(rag ? { rag } : {}) });
  const cleanup = async () => {
    await deps.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const started = performance.now();
    await deps.rag.embeddings.embeddings.embedQuery("warm up the model");
    const modelLoadSeconds = (performance.now() - started) / 1000;
    const tenant = options.tenant ? keptTenant(deps, options.tenant) : await createTenant(deps, "Bench");
    const server = options.listen ? await startServer(deps, { port: 0, host: "127.0.0.1" }) : undefined;
    return {
      deps,
      tenant,
      databaseLabel: kept ? `${database.kind} (kept database)` : serverUrl ? "postgres (fresh database)" : "pglite (temp dir)",
      modelLoadSeconds,
      setupSeconds: (performance.now() - setupStarted) / 1000,
      server,
      async close() {
        await server?.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
