import type { AppConfig } from "@frontdesk/config";
import { createAuth, fileCustomActions, resolveIntegrationKeyring, type AppDeps, type Auth } from "@frontdesk/core";
import { createDatabase, createPgAdvisoryLocks, type Database } from "@frontdesk/db";
import { createChatModel, createEmbeddingModelCatalog, createEmbeddingsProvider, type RagRuntime } from "@frontdesk/rag";
import { createEventBus, createFunctions, type WorkerEventBus } from "@frontdesk/worker";
import pino, { type Logger } from "pino";
import { openApiLimits, type ApiLimits } from "./limits/api-limits";
import { openLiveUpdates } from "./live/create-live-updates";

/** Everything the HTTP app needs; built once by buildDeps (or by tests with their own database/models). */
export interface ApiDeps extends AppDeps {
  events: WorkerEventBus;
  db: Pick<Database, "kind">;
  auth: Auth;
  /** Inngest functions served at /api/inngest (the same ones the in-process executor runs). */
  functions: ReturnType<typeof createFunctions>;
  /** Who the client is (TRUST_PROXY) and where rate limits are counted (memory, or Redis with REDIS_URL). */
  limits: ApiLimits;
  /** Where the built widget bundle is read from (default apps/widget/dist/widget.js). */
  widgetScriptPath?: string;
  /** Stops background work, then closes the database. */
  close(): Promise<void>;
}

export interface BuildDepsOverrides {
  database?: Database;
  rag?: RagRuntime;
  logger?: Logger;
  widgetScriptPath?: string;
}

export async function buildDeps(config: AppConfig, overrides: BuildDepsOverrides = {}): Promise<ApiDeps> {
  const logger = overrides.logger ?? pino({ level: config.LOG_LEVEL, base: undefined });
  const database =
    overrides.database ?? (await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.FRONTDESK_DATA_DIR }));
  let live: AppDeps["live"] | undefined;
  let limits: ApiLimits | undefined;
  // Replicas on one PostgreSQL database each run the in-process executor: claims keep them off each other's jobs.
  const locks = database.url ? createPgAdvisoryLocks({ databaseUrl: database.url, onError: (err) => logger.warn({ err }, "job claims: PostgreSQL session lost") }) : undefined;
  try {
    const rag = overrides.rag ?? (await buildRagRuntime(config));
    // Both fail start with a clear message: a bad INTEGRATIONS_ENCRYPTION_KEYS, or a bad custom action file.
    const keyring = resolveIntegrationKeyring(config);
    for (const action of fileCustomActions(config)) {
      if (action.enabled && action.organizations !== "*" && action.organizations.length === 0) {
        logger.warn({ file: action.file }, "custom action file lists no organizations: no tenant can use it (add \"organizations\")");
      }
    }
    live = await openLiveUpdates(database, logger);
    limits = await openApiLimits(config, logger);
    const base = { config, prisma: database.prisma, logger, rag, keyring, live };
    const events = createEventBus(base, { exclusive: locks });
    const deps: AppDeps = { ...base, events };
    return {
      ...deps,
      events,
      db: database,
      auth: createAuth(deps),
      functions: createFunctions({ ...base, events }),
      limits,
      widgetScriptPath: overrides.widgetScriptPath,
      async close() {
        await events.close();
        await limits?.rateLimits.close();
        await locks?.close();
        await live?.close();
        await database.close();
      },
    };
  } catch (error) {
    await locks?.close();
    await live?.close();
    await limits?.rateLimits.close();
    await database.close();
    throw error;
  }
}

/** The embedding model and chat model the configuration names (what buildDeps uses unless given `rag`). */
export async function buildRagRuntime(config: AppConfig): Promise<RagRuntime> {
  // No LLM configured → chatModel null → extractive, still cited answers.
  const embeddings = await createEmbeddingsProvider(config);
  // The catalog builds other models by name for re-embedding a knowledge base.
  return { embeddings, chatModel: createChatModel(config), embeddingModels: createEmbeddingModelCatalog(config, embeddings) };
}
