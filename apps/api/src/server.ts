import { loadConfig } from "@frontdesk/config";
import { buildDeps } from "./deps";
import { startServer } from "./start-server";

// `npm start -w @frontdesk/api`: the API server with the in-process (or Inngest) worker.
const config = loadConfig();
const deps = await buildDeps(config);
const running = await startServer(deps, { port: config.PORT, host: config.HOST });
const base = config.PUBLIC_URL ?? running.url;
deps.logger.info(
  {
    url: running.url,
    db: deps.db.kind,
    embeddings: deps.rag.embeddings.model,
    llm: deps.rag.chatModel ? deps.rag.chatModel._llmType() : "extractive",
    jobs: deps.events.mode,
  },
  "Frontdesk API listening",
);
process.stdout.write(
  [
    "",
    `  Frontdesk API   ${running.url}`,
    `  REST docs       ${base}/api/v1/docs`,
    `  OpenAPI         ${base}/api/v1/openapi.json`,
    `  Health          ${base}/api/health`,
    `  Widget script   ${base}/widget.js`,
    "",
  ].join("\n") + "\n",
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  deps.logger.info({ signal }, "shutting down");
  const timer = setTimeout(() => {
    deps.logger.error("shutdown timed out; exiting");
    process.exit(1);
  }, 10_000);
  timer.unref();
  try {
    await running.close();
    await deps.close();
    process.exit(0);
  } catch (error) {
    deps.logger.error({ err: error }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
