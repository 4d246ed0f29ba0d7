// One API replica as its own process, for the multi-replica test: the real server on DATABASE_URL (port 0),
// with synthetic embeddings so no model loads. Prints `{"url": …}` once listening; SIGTERM stops it.
import { loadConfig } from "@frontdesk/config";
import pino from "pino";
import { buildDeps } from "../../src/deps";
import { startServer } from "../../src/start-server";
import { syntheticRag } from "./test-api";

const config = loadConfig(process.env);
const deps = await buildDeps(config, { rag: syntheticRag(), logger: pino({ level: config.LOG_LEVEL, base: undefined }) });
const running = await startServer(deps, { port: 0, host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
process.on("SIGTERM", () => {
  void running
    .close()
    .then(() => deps.close())
    .finally(() => process.exit(0));
});
