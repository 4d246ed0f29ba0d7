import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDeps, startServer } from "@frontdesk/api";
import { loadConfig } from "@frontdesk/config";
import { createTestDatabase } from "@frontdesk/db/testing";
import { ensureWidgetBuilt } from "../../widget/test/build-widget";

/**
 * The real API (default local embeddings, extractive answers, in-process ingestion) on a fresh test database,
 * listening on 127.0.0.1:0. `adminUrl` is trusted by better-auth's origin check. With `widget`, it serves the widget
 * built by the widget's own test helper (rebuilt only when its sources changed), for the widget preview.
 */
export async function startApi(options: { adminUrl: string; widget?: boolean; env?: Record<string, string> }) {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdesk-admin-test-"));
  const config = loadConfig({
    FRONTDESK_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    BETTER_AUTH_SECRET: "admin-browser-test-secret".padEnd(40, "x"),
    ADMIN_URL: options.adminUrl,
    LLM_PROVIDER: "none",
    ...options.env,
  });
  const [database, widgetScriptPath] = await Promise.all([
    createTestDatabase(),
    options.widget ? ensureWidgetBuilt() : undefined,
  ]);
  const deps = await buildDeps(config, { database, widgetScriptPath });
  const server = await startServer(deps, { port: 0, host: "127.0.0.1" });
  return {
    url: server.url,
    /** The API's database, for setting up what the admin has no screen for (e.g. a member of an organization). */
    prisma: deps.prisma,
    /** The API's dependencies, for running a service the way a scheduled job would (e.g. the weekly suggestions). */
    deps,
    async close() {
      await server.close();
      await deps.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
