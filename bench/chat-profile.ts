// tsx bench/chat-profile.ts <kept database url> --chunks <n> [--chats 40] [--seed 777] [--corpus zipf|sentences] [--drain] [--statements] [--cpu-profile <file>]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { recordSpans, resetSpans, spanTotals } from "@frontdesk/rag";
import { countBackendCpu } from "./backend-cpu";
import { saveCpuProfile, startCpuProfile, summarizeCpuProfile, type CpuProfile } from "./cpu-profile";
import { httpPoster } from "./http-poster";
import { keptTenantFile, readKeptTenant } from "./kept-bench-tenant";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";
import { openBenchApi } from "./open-bench-api";
import { warmTextIndex } from "./searched-database";
import { syntheticCorpusKind, syntheticQuestions } from "./seed-synthetic-chunks";
import { logStatements, longestSequentialChain, shortSql, type LoggedStatement } from "./statement-log";

/**
 * Where a chat turn's time goes on a database the chat-overhead section kept (BENCH_KEEP_DATABASE): sequential
 * `POST /api/v1/chat` over real HTTP, each a new conversation with a question never asked before (pick another
 * --seed for each run, so no sentence or query vector is cached), then `POST /api/v1/knowledge/search` with the
 * same questions (query vectors cached: without the embedding). Prints p50/p95/p99 of both and, per chat, the
 * mean of every timing span (packages/rag/src/timing) recorded while chatting, background jobs included.
 * --drain waits for the in-process background jobs after each chat, so they do not overlap the next one.
 * --statements counts the SQL statements of each chat (node-postgres, this process): sent before its response
 * arrived, the longest chain of them that ran one after another, and sent after it (background jobs; with --drain),
 * and lists the last chat's statements in the order they were sent.
 * --cpu-profile samples the main thread during the timed searches, writes the profile (DevTools' .cpuprofile) and
 * prints its self time per request by package and by function.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chunks: { type: "string" },
    chats: { type: "string", default: "40" },
    seed: { type: "string", default: "777" },
    corpus: { type: "string" },
    drain: { type: "boolean", default: false },
    statements: { type: "boolean", default: false },
    "cpu-profile": { type: "string" },
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
  // Built before anything is timed, as the chat-overhead section does (the product builds it after a first search).
  console.log(await warmTextIndex(api.deps.prisma, { organizationId: kept.organizationId, knowledgeBaseIds: [kept.knowledgeBaseId] }));
  const post = httpPoster(api.server!.url, kept.apiKey);
  const questions = syntheticQuestions(Number(values.chats) + WARMUP, corpus, Number(values.seed));
  recordSpans(true);
  const statementLog = values.statements ? logStatements() : undefined;
  const perChat: { request: LoggedStatement[]; after: LoggedStatement[]; started: number }[] = [];
  const timed = async (run: (question: string) => Promise<unknown>, onTimed: () => void, countStatements = false): Promise<LatencySummary> => {
    const samples: number[] = [];
    for (const [index, question] of questions.entries()) {
      if (index === WARMUP) onTimed();
      const before = statementLog?.statements.length ?? 0;
      const started = performance.now();
      await run(question);
      const answered = performance.now();
      if (index >= WARMUP) samples.push(answered - started);
      if (values.drain) await api.deps.events.drain();
      if (statementLog && countStatements && index >= WARMUP) {
        const sent = statementLog.statements.slice(before);
        perChat.push({ request: sent.filter((s) => s.startedAt <= answered), after: sent.filter((s) => s.startedAt > answered), started });
      }
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
  let chatProfiler: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
  const chat = await timed(
    (message) => post("/api/v1/chat", { botId: kept.botId, message }),
    () => {
      resetSpans();
      startCpu();
      if (values["cpu-profile"]) void startCpuProfile().then((started) => (chatProfiler = started));
    },
    true,
  );
  const chatProfile: CpuProfile | undefined = await chatProfiler?.stop();
  statementLog?.stop();
  await api.deps.events.drain();
  const chatCpu = cpuPerRequest(Number(values.chats));
  const chatSpans = spanTotals();
  let profiler: Awaited<ReturnType<typeof startCpuProfile>> | undefined;
  const search = await timed((query) => post("/api/v1/knowledge/search", { query, knowledgeBaseId: kept.knowledgeBaseId, limit: 8 }), () => {
    resetSpans();
    startCpu();
    if (values["cpu-profile"]) void startCpuProfile().then((started) => (profiler = started));
  });
  const searchCpu = cpuPerRequest(Number(values.chats));
  const searchProfile: CpuProfile | undefined = await profiler?.stop();
  const searchSpans = spanTotals();
  const n = chat.count;
  const row = (name: string, s: LatencySummary) => `${name.padEnd(8)} n ${s.count}  p50 ${s.p50}  p95 ${s.p95}  p99 ${s.p99}  mean ${s.mean}  max ${s.max}`;
  console.log(`${api.databaseLabel}, ${kept.chunks} chunks, seed ${values.seed}${values.drain ? ", background jobs drained after each chat" : ""}, load ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(row("chat", chat));
  console.log(row("search", search));
  console.log(`per chat (mean ms; spans nest and overlap; background jobs included): ${chatCpu}`);
  for (const span of chatSpans) console.log(`${(span.totalMs / n).toFixed(1).padStart(8)}  ${String(span.count).padStart(4)}×  ${span.name}`);
  if (perChat.length > 0) printStatements(perChat);
  if (chatProfile && values["cpu-profile"]) {
    saveCpuProfile(chatProfile, values["cpu-profile"].replace(/(\.cpuprofile)?$/, "-chat.cpuprofile"));
    for (const line of summarizeCpuProfile(chatProfile, n)) console.log(`  ${line}`);
  }
  console.log(`per search: ${searchCpu}`);
  for (const span of searchSpans) console.log(`${(span.totalMs / n).toFixed(1).padStart(8)}  ${String(span.count).padStart(4)}×  ${span.name}`);
  if (searchProfile && values["cpu-profile"]) {
    saveCpuProfile(searchProfile, values["cpu-profile"]);
    console.log(`search requests' CPU profile: ${values["cpu-profile"]}`);
    for (const line of summarizeCpuProfile(searchProfile, n)) console.log(`  ${line}`);
  }
} finally {
  await api.close();
}

function printStatements(chats: { request: LoggedStatement[]; after: LoggedStatement[]; started: number }[]): void {
  const mean = (pick: (chat: (typeof chats)[number]) => number) => (chats.reduce((sum, chat) => sum + pick(chat), 0) / chats.length).toFixed(1);
  console.log(
    `SQL statements per chat (mean): ${mean((chat) => chat.request.length)} before the response, of which ${mean((chat) => longestSequentialChain(chat.request).length)} in the longest chain one after another; ${mean((chat) => chat.after.length)} after it`,
  );
  const last = chats.at(-1)!;
  const chain = new Set(longestSequentialChain(last.request));
  console.log("the last chat's statements (ms from the request: sent, answered; * = in the longest chain):");
  for (const statement of [...last.request, ...last.after]) {
    const at = (statement.startedAt - last.started).toFixed(1).padStart(7);
    const end = statement.endedAt === undefined ? "    ?" : (statement.endedAt - last.started).toFixed(1).padStart(7);
    console.log(`${at} ${end} ${chain.has(statement) ? "*" : last.after.includes(statement) ? "a" : " "} ${shortSql(statement.sql)}`);
  }
}
process.exit(0);
