import { loadConfig } from "@frontdesk/config";
import { warmAnswering, warmEnglishWords, warmLanguageWords, warmWordNet } from "@frontdesk/rag";
import { buildDeps } from "./deps";
import { startServer } from "./start-server";

// `npm start -w @frontdesk/api`: the API server with the in-process (or Inngest) worker.
const config = loadConfig();
const deps = await buildDeps(config);
const running = await startServer(deps, { port: config.PORT, host: config.HOST });
const base = config.PUBLIC_URL ?? running.url;
// Typo correction's word list (~1.7 s, ~20 MB) in the background, not on the first misspelt question's path.
const warmStarted = performance.now();
warmEnglishWords().then(
  () => deps.logger.debug({ ms: Math.round(performance.now() - warmStarted) }, "English word list loaded"),
  (error: unknown) => deps.logger.warn({ err: error }, "English word list not loaded ahead; the first misspelt question loads it"),
);
// French and Spanish words (~1–2 s, ~4 MB of hashes): a question of content words only reads them to tell its language;
// then German verb forms (~1 s, ~1 MB), which answering compares German words by.
warmLanguageWords().then(
  () => deps.logger.debug({ ms: Math.round(performance.now() - warmStarted) }, "French and Spanish word lists and German verb forms loaded"),
  (error: unknown) => deps.logger.warn({ err: error }, "French and Spanish word lists not loaded ahead; the first question needing them loads them"),
);
// WordNet (~2.5 s of CPU, ~6 MB of heap + ~5 MB of typed arrays) for English paraphrases, likewise in the background.
// Then a few made-up questions answered and thrown away (~1 s of CPU): the answering code's regular expressions
// compiled and its first JIT passes, which a fresh process's first visitors would otherwise pay (warm-answering.ts).
warmWordNet()
  .then(
    () => deps.logger.debug({ ms: Math.round(performance.now() - warmStarted) }, "WordNet loaded"),
    (error: unknown) => deps.logger.warn({ err: error }, "WordNet not loaded ahead; the first question that needs it loads it"),
  )
  .then(() => warmAnswering())
  .then(
    () => deps.logger.debug({ ms: Math.round(performance.now() - warmStarted) }, "answering warmed up"),
    (error: unknown) => deps.logger.warn({ err: error }, "answering not warmed up; the first questions compile its patterns"),
  );
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
