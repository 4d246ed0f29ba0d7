import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDeps, startServer } from "@frontdesk/api";
import { loadConfig } from "@frontdesk/config";
import { createTestDatabase } from "@frontdesk/db/testing";

/**
 * The real API (default local embeddings, extractive answers, in-process ingestion) on a fresh test database,
 * listening on 127.0.0.1:0. `adminUrl` is trusted by better-auth's origin check.
 */
export async function startApi(options: { adminUrl: string }) {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdesk-admin-test-"));
  const config = loadConfig({
    FRONTDESK_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    BETTER_AUTH_SECRET: "admin-browser-test-secret".padEnd(40, "x"),
    ADMIN_URL: options.adminUrl,
    LLM_PROVIDER: "none",
  });
  const deps = await buildDeps(config, { database: await createTestDatabase() });
  const server = await startServer(deps, { port: 0, host: "127.0.0.1" });
  return {
    url: server.url,
    async close() {
      await server.close();
      await deps.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
