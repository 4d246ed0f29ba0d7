// tsx bench/vector-recall.ts <database url> [--queries 100] [--ef 10,20,40,100,200] [--candidates 100]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@frontdesk/db";
import { vectorSearch, vectorSearchQuery, type VectorSearchInput } from "@frontdesk/rag";
import { summarizeLatencies } from "./latency-summary";
import { openSearchedDatabase } from "./searched-database";

/**
 * The HNSW side's quality and time by `hnsw.ef_search`, on a database a bench filled (PostgreSQL with pgvector ≥ 0.8):
 * per question, vector search's SQL (vectorSearchQuery, `--candidates` rows as hybrid search asks) with iterative
 * scans and each ef_search, against the exact ranking of the same SQL with index scans off (a sequential scan),
 * as overlap@10 (shared chunks among the top 10) and recall@candidates; then `vectorSearch` as the product runs
 * it. Every question runs every variant, taking turns going first, so load swings hit them alike.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string", default: "100" }, ef: { type: "string", default: "10,20,40,100,200" }, candidates: { type: "string", default: "100" } },
});
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/vector-recall.ts <database url> [--queries 100] [--ef 10,20,40,100,200] [--candidates 100]");
const candidates = Number(values.candidates);
const efs = values.ef!.split(",").map(Number);
const { db, scope, chunks, questions } = await openSearchedDatabase(url, Number(values.queries));
const prisma = db.prisma;

async function ranked(input: VectorSearchInput, settings: string): Promise<{ ids: string[]; ms: number; scores: number[] }> {
  const started = performance.now();
  const rows = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(settings);
    return tx.$queryRaw<Array<{ chunkId: string; score: number }>>(vectorSearchQuery(input));
    // The exact scan of 100k chunks takes seconds under load.
  }, { timeout: 600_000 });
  return { ids: rows.map((row) => row.chunkId), ms: performance.now() - started, scores: rows.map((row) => Number(row.score)) };
}

/** Whether the planner reads the HNSW index under these settings (a high ef_search can make a sequential scan cheaper). */
async function usesIndex(input: VectorSearchInput, settings: string): Promise<boolean> {
  const plan = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(settings);
    return tx.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (FORMAT JSON) ${vectorSearchQuery(input)}`;
  });
  return JSON.stringify(plan).includes("chunk_embedding_");
}
const efSettings = (ef: number) => `SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', '${ef}', true)`;

const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const overlap = (a: readonly string[], b: readonly string[], k: number) => {
  const top = new Set(b.slice(0, k));
  return a.slice(0, k).filter((id) => top.has(id)).length / Math.max(1, Math.min(k, b.length));
};

type Variant = { name: string; run: (input: VectorSearchInput) => Promise<{ ids: string[]; ms: number }> };
const variants: Variant[] = [
  ...efs.map((ef) => ({
    name: `ef_search ${ef}`,
    run: (input: VectorSearchInput) => ranked(input, efSettings(ef)),
  })),
  {
    name: "vectorSearch (product)",
    run: async (input: VectorSearchInput) => {
      const started = performance.now();
      const hits = await vectorSearch(prisma as PrismaClient, input);
      return { ids: hits.map((hit) => hit.chunkId), ms: performance.now() - started };
    },
  },
];
const results = new Map(variants.map((variant) => [variant.name, { ms: [] as number[], at10: [] as number[], atCandidates: [] as number[] }]));
const exactMs: number[] = [];
const spread = { first: [] as number[], tenth: [] as number[], hundredth: [] as number[] };
for (const [index, { vector }] of questions.entries()) {
  const input = { ...scope, queryVector: vector, limit: candidates };
  const exact = await ranked(input, "SELECT set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)");
  exactMs.push(exact.ms);
  spread.first.push(exact.scores[0] ?? 0);
  spread.tenth.push(exact.scores[9] ?? 0);
  spread.hundredth.push(exact.scores.at(-1) ?? 0);
  for (let turn = 0; turn < variants.length; turn++) {
    const variant = variants[(index + turn) % variants.length]!;
    const { ids, ms } = await variant.run(input);
    const result = results.get(variant.name)!;
    result.ms.push(ms);
    result.at10.push(overlap(ids, exact.ids, 10));
    result.atCandidates.push(overlap(ids, exact.ids, candidates));
  }
}
console.log(`${db.kind} ${chunks} chunks, ${questions.length} questions, ${candidates} candidates, load ${loadavg()[0]!.toFixed(1)}`);
console.log(`exact (sequential scan): p50 ${summarizeLatencies(exactMs).p50} ms; mean cosine of the exact 1st / 10th / ${candidates}th: ${mean(spread.first).toFixed(4)} / ${mean(spread.tenth).toFixed(4)} / ${mean(spread.hundredth).toFixed(4)}`);
const planned = { ...scope, queryVector: questions[0]!.vector, limit: candidates };
for (const ef of efs) console.log(`ef_search ${ef}: ${(await usesIndex(planned, efSettings(ef))) ? "HNSW index scan" : "no HNSW index (sequential scan: exact)"}`);
console.log("variant | overlap@10 mean | min | recall@candidates | p50 ms | p95 ms");
for (const [name, result] of results) {
  const ms = summarizeLatencies(result.ms);
  console.log(`${name} | ${mean(result.at10).toFixed(3)} | ${Math.min(...result.at10).toFixed(1)} | ${mean(result.atCandidates).toFixed(3)} | ${ms.p50} | ${ms.p95}`);
}
await db.close();
process.exit(0);
