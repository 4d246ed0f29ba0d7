// tsx bench/search-latency.ts <database url> [--queries 100] [--corpus zipf|sentences]
import { parseArgs } from "node:util";
import { loadConfig } from "@frontdesk/config";
import { createDatabase } from "@frontdesk/db";
import { createEmbeddingsProvider, hybridSearch } from "@frontdesk/rag";
import { explainSearchSides, formatPlanSummary } from "./explain-search";
import { summarizeLatencies } from "./latency-summary";
import { syntheticCorpusKind, syntheticQuestions } from "./seed-synthetic-chunks";

/**
 * `hybridSearch` alone, in process, on a database a bench already filled (e.g. one kept from the chat-overhead
 * section, or filled once and searched with two versions of the code): the search's own time without HTTP or the
 * query embedding (questions are embedded up front). Migrates the database first, runs ANALYZE, then times
 * sequential searches of the synthetic questions against its largest knowledge base.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { queries: { type: "string", default: "100" }, corpus: { type: "string" } } });
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/search-latency.ts <database url> [--queries 100] [--corpus zipf|sentences]");
const migrateStarted = performance.now();
const db = await createDatabase({ databaseUrl: url, env: {} });
const migrateSeconds = (performance.now() - migrateStarted) / 1000;
const [largest] = await db.prisma.$queryRaw<Array<{ organizationId: string; knowledgeBaseId: string; chunks: number }>>`
  SELECT "organizationId", "knowledgeBaseId", count(*)::int AS chunks FROM chunk GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`;
if (!largest) throw new Error("no chunks in that database");
await db.prisma.$executeRawUnsafe("ANALYZE");
const warmup = 5;
const questions = syntheticQuestions(Number(values.queries) + warmup, syntheticCorpusKind(values.corpus));
const embeddings = await createEmbeddingsProvider(loadConfig({}));
const vectors = await embeddings.embeddings.embedDocuments(questions);
const scope = { organizationId: largest.organizationId, knowledgeBaseIds: [largest.knowledgeBaseId] };
const samples: number[] = [];
for (const [index, query] of questions.entries()) {
  const started = performance.now();
  await hybridSearch(db.prisma, { ...scope, query, queryVector: vectors[index]!, limit: 8 });
  if (index >= warmup) samples.push(performance.now() - started);
}
const summary = summarizeLatencies(samples);
console.log(`${db.kind} ${largest.chunks} chunks (migrations ${migrateSeconds.toFixed(1)} s): hybridSearch ms n ${summary.count} mean ${summary.mean} p50 ${summary.p50} p95 ${summary.p95} p99 ${summary.p99} max ${summary.max}`);
for (const plan of await explainSearchSides(db.prisma, scope, questions[warmup]!, vectors[warmup]!)) console.log(`  ${formatPlanSummary(plan)}`);
await db.close();
process.exit(0);
