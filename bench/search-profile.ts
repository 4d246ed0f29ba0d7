// tsx bench/search-profile.ts <database url or PGlite directory> [--queries 50] [--variants '{"name": {hybridSearch options}}']
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { feedbackTerms, fullTextSearch, hybridSearch, vectorSearch, type HybridSearchInput } from "@frontdesk/rag";
import { summarizeLatencies } from "./latency-summary";
import { openSearchedDatabase } from "./searched-database";

/**
 * Where a search's time goes, on a database a bench filled: each step of hybridSearch timed on its own (full text,
 * vector, feedback terms, feedback's second full-text pass) and whole searches under several option sets. Every
 * question runs every variant in turn, so a variant's numbers share the machine's load with the others' (compare
 * within one run; the load is printed).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string", default: "50" }, corpus: { type: "string" }, variants: { type: "string" } },
});
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/search-profile.ts <database url or PGlite directory> [--queries 50] [--variants JSON]");
const variants = JSON.parse(
  values.variants ?? JSON.stringify({ "hybrid": {}, "hybrid, rarest terms only (before)": { bounds: { exactChunks: 5000, candidatePostings: 1000, topCandidates: 0 } } }),
) as Record<string, Partial<HybridSearchInput>>;
const warmup = 3;
const { db, scope, chunks, questions } = await openSearchedDatabase(url, Number(values.queries) + warmup, values.corpus);
const { prisma } = db;
const samples = new Map<string, number[]>();
const time = async <T>(name: string, index: number, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await run();
  if (index >= warmup) samples.set(name, [...(samples.get(name) ?? []), performance.now() - started]);
  return result;
};
const loads: number[] = [];
for (const [index, { query, vector }] of questions.entries()) {
  loads.push(loadavg()[0]!);
  // Each question's first search finds its chunks colder than the next ones do: the variants take turns going first.
  const entries = Object.entries(variants);
  for (const [name, options] of [...entries.slice(index % entries.length), ...entries.slice(0, index % entries.length)]) {
    await time(name, index, () => hybridSearch(prisma, { ...scope, query, queryVector: vector, limit: 8, ...options }));
  }
  const rarest = () => fullTextSearch(prisma, { ...scope, query, limit: 100, bounds: { exactChunks: 5000, candidatePostings: 1000, topCandidates: 0 } });
  if (index % 2 === 1) await time("step: full text (100), rarest terms only", index, rarest);
  const text = await time("step: full text (100)", index, () => fullTextSearch(prisma, { ...scope, query, limit: 100 }));
  if (index % 2 === 0) await time("step: full text (100), rarest terms only", index, rarest);
  const vectors = await time("step: vector (100)", index, () => vectorSearch(prisma, { ...scope, queryVector: vector, limit: 100 }));
  const terms = await time("step: feedback terms (3 chunks)", index, () =>
    feedbackTerms(prisma, scope, { feedback: text.slice(0, 3).map((hit) => ({ chunkId: hit.chunkId, score: hit.score })) }),
  );
  const within = [...new Set([...text, ...vectors].map((hit) => hit.chunkId))];
  await time("step: feedback full text (within both lists)", index, () =>
    fullTextSearch(prisma, { ...scope, query, limit: 100, within, feedback: { terms, originalWeight: 0.7 } }),
  );
}
const meanLoad = loads.reduce((sum, load) => sum + load, 0) / loads.length;
console.log(`${db.kind} ${chunks} chunks, ${questions.length - warmup} questions, load ${meanLoad.toFixed(1)} (1-min average during the run), ms:`);
for (const [name, times] of samples) {
  const summary = summarizeLatencies(times);
  console.log(`  ${name.padEnd(48)} p50 ${String(summary.p50).padStart(7)}  p95 ${String(summary.p95).padStart(7)}  p99 ${String(summary.p99).padStart(7)}  mean ${summary.mean}`);
}
await db.close();
process.exit(0);
