// tsx bench/compare-search.ts <database url or PGlite directory> --base <other checkout's packages/rag/src/index.ts> [--queries 40] [--options '<JSON>']
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@frontdesk/db";
import { hybridSearch, recordSpans, resetSpans, spanTotals, textIndexCache, type HybridSearchInput, type SearchHit, type SpanTotal } from "@frontdesk/rag";
import { summarizeLatencies } from "./latency-summary";
import { openSearchedDatabase, warmTextIndex } from "./searched-database";

/**
 * `hybridSearch` of this checkout against another version of @frontdesk/rag (e.g. `git archive <commit>
 * packages/rag/src | tar -x -C .data/base`), on the same database, in one process: every question runs both, taking
 * turns going first, so the machine's load hits both alike. Prints p50/p95/p99 of each and whether they returned the
 * same chunks with the same scores (a change meant to be rank-preserving must show 0 differences), and each version's
 * timing spans (mean ms per search). Each version has its own in-memory full-text index, built before timing.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: "string" }, queries: { type: "string", default: "40" }, corpus: { type: "string" }, options: { type: "string", default: "{}" } },
});
const url = positionals[0];
if (!url || !values.base) throw new Error("usage: tsx bench/compare-search.ts <database> --base <packages/rag/src/index.ts of the other version> [--queries 40] [--options JSON]");
type Search = (prisma: PrismaClient, input: HybridSearchInput) => Promise<SearchHit[]>;
type Spans = { recordSpans: typeof recordSpans; resetSpans: typeof resetSpans; spanTotals: typeof spanTotals };
const base = (await import(resolve(values.base))) as { hybridSearch: Search; textIndexCache: typeof textIndexCache } & Spans;
const spans: Record<string, Spans> = { base, this: { recordSpans, resetSpans, spanTotals } };
const options = JSON.parse(values.options!) as Partial<HybridSearchInput>;
const warmup = 3;
const { db, scope, chunks, questions } = await openSearchedDatabase(url, Number(values.queries) + warmup, values.corpus);
if (options.textIndex !== false) {
  console.log(`this checkout: ${await warmTextIndex(db.prisma, scope)}`);
  const started = performance.now();
  await Promise.all(scope.knowledgeBaseIds.map((id) => base.textIndexCache(db.prisma).build(id)));
  console.log(`base: index built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const versions: Array<[string, Search]> = [
  ["base", base.hybridSearch],
  ["this", hybridSearch],
];
const samples = new Map<string, number[]>(versions.map(([name]) => [name, []]));
const spanSums = new Map<string, Map<string, number>>(versions.map(([name]) => [name, new Map()]));
/** Adds a version's spans of one search to its sums (the searches before the timed ones are left out). */
function collectSpans(name: string, totals: readonly SpanTotal[]): void {
  const sums = spanSums.get(name)!;
  for (const span of totals) sums.set(span.name, (sums.get(span.name) ?? 0) + span.totalMs);
}
let differing = 0;
let compared = 0;
const loads: number[] = [];
for (const [index, { query, vector }] of questions.entries()) {
  const input: HybridSearchInput = { ...scope, query, queryVector: vector, limit: 8, ...options };
  const results = new Map<string, SearchHit[]>();
  for (const [name, search] of index % 2 === 0 ? versions : [...versions].reverse()) {
    spans[name]!.resetSpans();
    spans[name]!.recordSpans(true);
    const started = performance.now();
    results.set(name, await search(db.prisma, input));
    const elapsed = performance.now() - started;
    spans[name]!.recordSpans(false);
    if (index >= warmup) {
      samples.get(name)!.push(elapsed);
      collectSpans(name, spans[name]!.spanTotals());
    }
  }
  const [a, b] = [results.get("base")!, results.get("this")!];
  compared += 1;
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    differing += 1;
    console.log(`differs: "${query}": ${a.map((hit) => `${hit.chunkId}:${hit.score}`).join(" ")} | ${b.map((hit) => `${hit.chunkId}:${hit.score}`).join(" ")}`);
  }
  loads.push(loadavg()[0]!);
}
console.log(`${db.kind} ${chunks} chunks, options ${values.options}, ${questions.length - warmup} questions, load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
for (const [name, times] of samples) {
  const summary = summarizeLatencies(times);
  console.log(`  ${name}: hybridSearch ms p50 ${summary.p50} p95 ${summary.p95} p99 ${summary.p99} mean ${summary.mean} max ${summary.max}`);
  const means = [...spanSums.get(name)!].sort((a, b) => b[1] - a[1]).map(([span, total]) => `${span} ${(total / times.length).toFixed(1)}`);
  console.log(`    spans, mean ms per search: ${means.join(", ")}`);
}
console.log(`  results differing (chunks, order, rows or scores): ${differing} of ${compared}`);
await db.close();
process.exit(0);
