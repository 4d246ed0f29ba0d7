// tsx bench/search-latency.ts <database url or PGlite directory> [--queries 100] [--corpus zipf|sentences] [--options '<JSON hybridSearch options>'] [--scoring exhaustive,bounded] [--wait-for-indexes]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { hybridSearch, textIndexCache, type HybridSearchInput } from "@frontdesk/rag";
import type { ScoringStrategy } from "../packages/rag/src/retrieval/text-index";
import { explainSearchSides, formatPlanSummary } from "./explain-search";
import { scoreInTurns } from "./scoring-turns";
import { openSearchedDatabase, waitForIndexBuilds, warmTextIndex } from "./searched-database";

/**
 * `hybridSearch` alone, in process, on a database a bench already filled (e.g. one kept from the chat-overhead
 * section, or filled once and searched with two versions of the code): the search's own time without HTTP or the
 * query embedding (questions are embedded up front). Migrates the database first, runs ANALYZE, then times
 * sequential searches of the synthetic questions against its largest knowledge base. `--scoring exhaustive,bounded`
 * runs each question with each scoring strategy of the in-memory index in turn (taking turns going first) on the one
 * index built, checks they return the same hits, and prints each one's latencies and the mean of each step
 * (`hybrid.*`, `textIndex.*` spans). `--wait-for-indexes` builds the in-memory index first and then waits for the
 * vector and GIN indexes a replication is still building (ANALYZE after them), so the long builds overlap.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: "string", default: "100" },
    corpus: { type: "string" },
    options: { type: "string", default: "{}" },
    scoring: { type: "string", default: "auto" },
    "wait-for-indexes": { type: "boolean", default: false },
  },
});
const options = JSON.parse(values.options!) as Partial<HybridSearchInput>;
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/search-latency.ts <database url or PGlite directory> [--queries 100] [--corpus zipf|sentences] [--options JSON]");
const warmup = 5;
const waitForIndexes = values["wait-for-indexes"]!;
const { db, scope, chunks, migrateSeconds, questions } = await openSearchedDatabase(url, Number(values.queries) + warmup, values.corpus, !waitForIndexes);
if (options.textIndex !== false) console.log(await warmTextIndex(db.prisma, scope));
if (waitForIndexes) {
  const waited = await waitForIndexBuilds(db.prisma, "ANALYZE");
  console.log(`waited ${waited.toFixed(0)} s for index builds, then ANALYZE (load ${loadavg()[0]!.toFixed(1)})`);
}
const strategies = values.scoring!.split(",") as ScoringStrategy[];
const turns = await scoreInTurns(textIndexCache(db.prisma), strategies, questions, warmup, async ({ query, vector }) => {
  const hits = await hybridSearch(db.prisma, { ...scope, query, queryVector: vector, limit: 8, ...options });
  return JSON.stringify(hits.map((hit) => [hit.chunkId, hit.score]));
});
for (const { strategy, summary, means } of turns.times) {
  console.log(
    `${db.kind} ${chunks} chunks (migrations ${migrateSeconds.toFixed(1)} s, load ${turns.load}): hybridSearch ${values.options} scoring ${strategy} ms n ${summary.count} mean ${summary.mean} p50 ${summary.p50} p95 ${summary.p95} p99 ${summary.p99} max ${summary.max}`,
  );
  console.log(`  means: ${means}`);
}
if (strategies.length > 1) console.log(`  results differing between strategies: ${turns.differing} of ${questions.length}`);
for (const plan of await explainSearchSides(db.prisma, scope, questions[warmup]!.query, questions[warmup]!.vector)) console.log(`  ${formatPlanSummary(plan)}`);
await db.close();
process.exit(0);
