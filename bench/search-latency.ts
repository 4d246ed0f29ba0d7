// tsx bench/search-latency.ts <database url or PGlite directory> [--queries 100] [--corpus zipf|sentences] [--options '<JSON hybridSearch options>']
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { hybridSearch, type HybridSearchInput } from "@frontdesk/rag";
import { explainSearchSides, formatPlanSummary } from "./explain-search";
import { summarizeLatencies } from "./latency-summary";
import { openSearchedDatabase, warmTextIndex } from "./searched-database";

/**
 * `hybridSearch` alone, in process, on a database a bench already filled (e.g. one kept from the chat-overhead
 * section, or filled once and searched with two versions of the code): the search's own time without HTTP or the
 * query embedding (questions are embedded up front). Migrates the database first, runs ANALYZE, then times
 * sequential searches of the synthetic questions against its largest knowledge base.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string", default: "100" }, corpus: { type: "string" }, options: { type: "string", default: "{}" } },
});
const options = JSON.parse(values.options!) as Partial<HybridSearchInput>;
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/search-latency.ts <database url or PGlite directory> [--queries 100] [--corpus zipf|sentences] [--options JSON]");
const warmup = 5;
const { db, scope, chunks, migrateSeconds, questions } = await openSearchedDatabase(url, Number(values.queries) + warmup, values.corpus);
if (options.textIndex !== false) console.log(await warmTextIndex(db.prisma, scope));
const samples: number[] = [];
for (const [index, { query, vector }] of questions.entries()) {
  const started = performance.now();
  await hybridSearch(db.prisma, { ...scope, query, queryVector: vector, limit: 8, ...options });
  if (index >= warmup) samples.push(performance.now() - started);
}
const summary = summarizeLatencies(samples);
console.log(`${db.kind} ${chunks} chunks (migrations ${migrateSeconds.toFixed(1)} s, load ${loadavg()[0]!.toFixed(1)}): hybridSearch ${values.options} ms n ${summary.count} mean ${summary.mean} p50 ${summary.p50} p95 ${summary.p95} p99 ${summary.p99} max ${summary.max}`);
for (const plan of await explainSearchSides(db.prisma, scope, questions[warmup]!.query, questions[warmup]!.vector)) console.log(`  ${formatPlanSummary(plan)}`);
await db.close();
process.exit(0);
