import { loadavg } from "node:os";
import { createDatabase } from "@frontdesk/db";
import { DEFAULT_CANDIDATES, hybridSearch, isRecordingSpans, LocalEmbeddings, resetSpans, spanTotals, type HybridSearchInput } from "@frontdesk/rag";
import { readCachedCorpus } from "./corpus-cache";
import { loadBeir } from "./load-beir";
import { summarizeLatencies } from "../latency-summary";

// tsx bench/retrieval/variant-latency.ts <BEIR folder> <kept database url> '<JSON {name: hybridSearch options}>' [queries]
// ms of hybridSearch per option set on an already ingested collection, the variants run turn by turn on each
// question (in a rotating order, after one untimed warm-up pass), so that load swings hit them alike; prints p50 and
// p95 per variant with the load average. COMPARE_WITH=<another checkout's packages/rag/src/index.ts> runs every variant
// with that code's hybridSearch too ("name@other"), in the same turns: before/after a change in one process.
// FRONTDESK_TIMING=1 also prints each variant's mean ms per question in hybridSearch's spans.
const [folder, url, variantsJson, count] = process.argv.slice(2);
if (!folder || !url || !variantsJson) throw new Error("usage: variant-latency.ts <BEIR folder> <kept database url> '<JSON {name: options}>' [queries]");
const collection = await loadBeir(folder);
const cached = await readCachedCorpus(url, collection);
if (!cached) throw new Error(`no corpus of ${collection.name} kept in ${url}`);
const db = await createDatabase({ databaseUrl: url, env: {} });
const scope = { organizationId: cached.corpus.organizationId, knowledgeBaseIds: [cached.corpus.knowledgeBaseId] };
const queries = collection.queries.slice(0, Number(count ?? 80));
const vectors = await new LocalEmbeddings().embedDocuments(queries.map((query) => query.text));
type Search = typeof hybridSearch;
const other = process.env.COMPARE_WITH ? ((await import(process.env.COMPARE_WITH)) as { hybridSearch: Search }).hybridSearch : undefined;
const variants: Array<[string, Partial<HybridSearchInput>, Search]> = Object.entries(JSON.parse(variantsJson) as Record<string, Partial<HybridSearchInput>>).flatMap(
  ([name, options]): Array<[string, Partial<HybridSearchInput>, Search]> => [[name, options, hybridSearch], ...(other ? [[`${name}@other`, options, other] as [string, Partial<HybridSearchInput>, Search]] : [])],
);
const search = (index: number, options: Partial<HybridSearchInput>, run: Search) =>
  run(db.prisma, { ...scope, query: queries[index]!.text, queryVector: vectors[index]!, limit: 8, candidates: DEFAULT_CANDIDATES, ...options });
for (const [index] of queries.entries()) for (const [, options, run] of variants) await search(index, options, run);
const times = new Map(variants.map(([name]) => [name, [] as number[]]));
const spans = new Map(variants.map(([name]) => [name, new Map<string, number>()]));
const load = [loadavg()[0]!];
for (const [index] of queries.entries()) {
  for (let turn = 0; turn < variants.length; turn += 1) {
    const [name, options, run] = variants[(index + turn) % variants.length]!;
    resetSpans();
    const started = performance.now();
    await search(index, options, run);
    times.get(name)!.push(performance.now() - started);
    const mine = spans.get(name)!;
    for (const span of spanTotals()) mine.set(span.name, (mine.get(span.name) ?? 0) + span.totalMs);
  }
  if (index % 10 === 0) load.push(loadavg()[0]!);
}
console.log(`${collection.name}, ${queries.length} questions, load ${Math.min(...load).toFixed(0)}–${Math.max(...load).toFixed(0)}`);
for (const [name, ms] of times) {
  const summary = summarizeLatencies(ms);
  console.log(`${name.padEnd(24)} p50 ${summary.p50.toFixed(0)} ms  p95 ${summary.p95.toFixed(0)} ms`);
  if (isRecordingSpans()) console.log(`  ${[...spans.get(name)!].map(([span, total]) => `${span} ${(total / queries.length).toFixed(1)}`).join(", ")}`);
}
await db.close();
process.exit(0);
