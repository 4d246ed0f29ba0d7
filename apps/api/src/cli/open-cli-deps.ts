import type { AppDeps } from "@frontdesk/core";
import { loadConfig } from "@frontdesk/config";
import { createDatabase } from "@frontdesk/db";
import { createEmbeddingsProvider } from "@frontdesk/rag";
import pino from "pino";

export interface CliDeps {
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * The same database and models the server uses (DATABASE_URL, or embedded PGlite in FRONTDESK_DATA_DIR — which
 * one process at a time may open, so a running server makes this fail with the db package's clear error).
 * Logs go to stderr; commands do not queue background work.
 */
export async function openCliDeps(env: Record<string, string | undefined>): Promise<CliDeps> {
  const config = loadConfig({ LOG_LEVEL: "warn", ...env });
  const logger = pino({ level: config.LOG_LEVEL, base: undefined }, pino.destination(2));
  const database = await createDatabase({ env });
  try {
    const embeddings = await createEmbeddingsProvider(config);
    const deps: AppDeps = {
      config,
      prisma: database.prisma,
      logger,
      rag: { embeddings, chatModel: null },
      events: {
        send: async () => {
          throw new Error("CLI commands do not queue background jobs");
        },
      },
    };
    return { deps, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
