// tsx bench/chat-profile.ts <kept database url> --chunks <n> [--chats 40] [--seed 777] [--corpus zipf|sentences] [--drain]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { recordSpans, resetSpans, spanTotals } from "@frontdesk/rag";
import { countBackendCpu } from "./backend-cpu";
import { httpPoster } from "./http-poster";
import { keptTenantFile, readKeptTenant } from "./kept-bench-tenant";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";
import { openBenchApi } from "./open-bench-api";
import { syntheticCorpusKind, syntheticQuestions } from "./seed-synthetic-chunks";

/**
 * Where a chat turn's time goes on a database the chat-overhead section kept (BENCH_KEEP_DATABASE): sequential
 * `POST /api/v1/chat` over real HTTP, each a new conversation with a question never asked before (pick another
 * --seed for each run, so no sentence or query vector is cached), then `POST /api/v1/knowledge/search` with the
 * same questions (query vectors cached: without the embedding). Prints p50/p95/p99 of both and, per chat, the
 * mean of every timing span (packages/rag/src/timing) recorded while chatting, background jobs included.
 * --drain waits for the in-process background jobs after each chat, so they do not overlap the next one.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chunks: { type: "string" },
    chats: { type: "string", default: "40" },
    seed: { type: "string", default: "777" },
    corpus: { type: "string" },
    drain: { type: "boolean", default: false },
  },
});
const url = positionals[0];
if (!url || !values.chunks) throw new Error("usage: tsx bench/chat-profile.ts <kept database url> --chunks <n> [--chats 40] [--seed 777] [--drain]");
const corpus = syntheticCorpusKind(values.corpus);
const tenantFile = keptTenantFile(url, corpus, Number(values.chunks));
const kept = readKeptTenant(tenantFile);
if (!kept) throw new Error(`no kept tenant recorded in ${tenantFile}: seed it with BENCH_KEEP_DATABASE first`);

const WARMUP = 5;
const databaseName = /^postgres(ql)?:\/\//.test(url) ? new URL(url).pathname.slice(1) : "";
const api = await openBenchApi({ listen: true, keepDatabaseUrl: url, tenant: kept });
try {
  const post = httpPoster(api.server!.url, kept.apiKey);
  const questions = syntheticQuestions(Number(values.chats) + WARMUP, corpus, Number(values.seed));
  recordSpans(true);
  const timed = async (run: (question: string) => Promise<unknown>, onTimed: () => void): Promise<LatencySummary> => {
    const samples: number[] = [];
    for (const [index, question] of questions.entries()) {
      if (index === WARMUP) onTimed();
      const started = performance.now();
      await run(question);
      if (index >= WARMUP) samples.push(performance.now() - started);
      if (values.drain) await api.deps.events.drain();
    }
    return summarizeLatencies(samples);
  };
  // CPU of this process (server, worker, model threads) and of the database's backends over the timed requests.
  let cpu = { node: process.cpuUsage(), database: countBackendCpu(databaseName) };
  const startCpu = () => {
    cpu.database.stop();
    cpu = { node: process.cpuUsage(), database: countBackendCpu(databaseName) };
  };
  const cpuPerRequest = (n: number) => {
    const node = process.cpuUsage(cpu.node);
    return `CPU ms per request: this process ${((node.user + node.system) / 1000 / n).toFixed(1)}, database backends ${(cpu.database.stop() / n).toFixed(1)}`;
  };
  const loadBefore = loadavg()[0]!;
  const chat = await timed((message) => post("/api/v1/chat", { botId: kept.botId, message }), () => {
    resetSpans();
    startCpu();
  });
  await api.deps.events.drain();
  const chatCpu = cpuPerRequest(Number(values.chats));
  const chatSpans = spanTotals();
  const search = await timed((query) => post("/api/v1/knowledge/search", { query, knowledgeBaseId: kept.knowledgeBaseId, limit: 8 }), () => {
    resetSpans();
    startCpu();
  });
  const searchCpu = cpuPerRequest(Number(values.chats));
  const searchSpans = spanTotals();
  const n = chat.count;
  const row = (name: string, s: LatencySummary) => `${name.padEnd(8)} n ${s.count}  p50 ${s.p50}  p95 ${s.p95}  p99 ${s.p99}  mean ${s.mean}  max ${s.max}`;
  console.log(`${api.databaseLabel}, ${kept.chunks} chunks, seed ${values.seed}${values.drain ? ", background jobs drained after each chat" : ""}, load ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(row("chat", chat));
  console.log(row("search", search));
  console.log(`per chat (mean ms; spans nest and overlap; background jobs included): ${chatCpu}`);
  for (const span of chatSpans) console.log(`${(span.totalMs / n).toFixed(1).padStart(8)}  ${String(span.count).padStart(4)}×  ${span.name}`);
  console.log(`per search: ${searchCpu}`);
  for (const span of searchSpans) console.log(`${(span.totalMs / n).toFixed(1).padStart(8)}  ${String(span.count).padStart(4)}×  ${span.name}`);
} finally {
  await api.close();
}
process.exit(0);
