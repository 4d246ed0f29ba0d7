import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { loadConfig } from "@frontdesk/config";
import { createTestDatabase } from "@frontdesk/db/testing";
import pino from "pino";
import type { AppDeps } from "./context";
import { resolveIntegrationKeyring } from "./secrets/resolve-keyring";
import type { FrontdeskEvent } from "./events";
import { createLiveUpdates, createMemoryTransport } from "./live";

/**
 * Real database + synthetic embeddings for core tests (no model download); events are recorded rather than run.
 * Only imported by tests.
 */
export async function createTestDeps(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdesk-core-test-"));
  const database = await createTestDatabase();
  const sent: FrontdeskEvent[] = [];
  const config = loadConfig({ FRONTDESK_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  const deps: AppDeps = {
    config,
    keyring: resolveIntegrationKeyring(config),
    prisma: database.prisma,
    logger: pino({ level: "silent" }),
    live: createLiveUpdates(createMemoryTransport()),
    events: { send: async (events) => void sent.push(...(Array.isArray(events) ? events : [events])) },
    rag: {
      embeddings: { embeddings: new SyntheticEmbeddings({ vectorSize: 384 }), model: "test/synthetic-384", dimensions: 384 },
      chatModel: null,
    },
  };
  return {
    deps,
    sent,
    dataDir,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
