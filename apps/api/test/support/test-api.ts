import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { loadConfig } from "@frontdesk/config";
import { createApiKey, setupOwner, type ServiceContext } from "@frontdesk/core";
import { createTestDatabase } from "@frontdesk/db/testing";
import type { RagRuntime } from "@frontdesk/rag";
import pino from "pino";
import { createApp } from "../../src/app";
import { buildDeps, type ApiDeps } from "../../src/deps";

/** Synthetic embeddings: deterministic, no model load; retrieval still works through full-text search. */
export const syntheticRag = (): RagRuntime => ({
  embeddings: { embeddings: new SyntheticEmbeddings({ vectorSize: 384 }), model: "test/synthetic-384", dimensions: 384 },
  chatModel: null,
});

/** The real app on a fresh database (PGlite or TEST_DATABASE_URL) with a throwaway data dir. */
export async function createTestApi(options: { rag?: RagRuntime; env?: Record<string, string>; widgetScriptPath?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdesk-api-test-"));
  const config = loadConfig({ FRONTDESK_DATA_DIR: dataDir, LOG_LEVEL: "silent", BETTER_AUTH_SECRET: "test-secret-".padEnd(40, "x"), ...options.env });
  const database = await createTestDatabase();
  const deps = await buildDeps(config, {
    database,
    rag: options.rag ?? syntheticRag(),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    widgetScriptPath: options.widgetScriptPath,
  });
  const app = createApp(deps);
  return {
    deps,
    app,
    dataDir,
    async close() {
      await deps.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Tenant {
  organizationId: string;
  apiKey: string;
  botId: string;
  botPublicKey: string;
  knowledgeBaseId: string;
  ctx: ServiceContext;
}

let tenantCount = 0;

/** An organization (with its provisioned bot + knowledge base) and an API key, through the real onboarding path. */
export async function createTenant(deps: ApiDeps, name = "Acme"): Promise<Tenant> {
  tenantCount += 1;
  const setup = await setupOwner(
    deps,
    { email: `owner${tenantCount}-${Date.now()}@example.com`, password: "correct-horse-battery", organizationName: `${name} ${tenantCount}` },
    deps.auth,
  );
  const ctx: ServiceContext = { ...deps, organizationId: setup.organizationId, actor: { type: "user", userId: setup.userId, role: "owner" } };
  const { key } = await createApiKey(ctx, { name: "tests" });
  return {
    organizationId: setup.organizationId,
    apiKey: key,
    botId: setup.botId,
    botPublicKey: setup.botPublicKey,
    knowledgeBaseId: setup.knowledgeBaseId,
    ctx,
  };
}

type Fetcher = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** `call("POST", "/api/v1/bots", {name})` with the tenant's bearer key; JSON bodies are serialized. */
export function client(app: Fetcher, apiKey?: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (typeof body === "string") init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
    return app.request(path, init);
  };
}
