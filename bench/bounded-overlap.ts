// tsx bench/bounded-overlap.ts <database url or PGlite directory> [--queries 100] [--corpus zipf|sentences] [--bounds '<SearchBounds JSON>'] [--sql]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { fullTextSearch, hybridSearch, type SearchBounds } from "@frontdesk/rag";
import { summarizeLatencies } from "./latency-summary";
import { openSearchedDatabase, warmTextIndex } from "./searched-database";

/**
 * Is the bounded search's speed bought with quality? For each synthetic question, the top 10 of the bounded search
 * (the default above EXACT_SEARCH_CHUNKS) against the top 10 of the exact search (every chunk holding a query term
 * scored), on the full-text side alone and through hybridSearch (fusion and feedback included): overlap@10 =
 * |bounded ∩ exact| / |exact|. Run on a database a bench filled (BENCH_KEEP_DATABASE of the chat-overhead section).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string", default: "100" }, corpus: { type: "string" }, bounds: { type: "string" }, sql: { type: "boolean", default: false } },
});
/** The bounded search's bounds (default: the product's). */
const boundsUnderTest = values.bounds ? (JSON.parse(values.bounds) as SearchBounds) : undefined;
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/bounded-overlap.ts <database url or PGlite directory> [--queries 100] [--corpus zipf|sentences]");
const TOP = 10;
const exact: SearchBounds = { exactChunks: Number.MAX_SAFE_INTEGER, candidatePostings: Number.MAX_SAFE_INTEGER };
const { db, scope, chunks, questions } = await openSearchedDatabase(url, Number(values.queries), values.corpus);

// The exact reference is always the SQL scorer; the search under test uses the in-memory index unless --sql.
const sides = {
  "full text": (query: string, _vector: number[], bounds?: SearchBounds, textIndex?: boolean) => fullTextSearch(db.prisma, { ...scope, query, limit: 100, bounds, textIndex }),
  hybrid: (query: string, vector: number[], bounds?: SearchBounds, textIndex?: boolean) => hybridSearch(db.prisma, { ...scope, query, queryVector: vector, limit: TOP, bounds, textIndex }),
};
if (!values.sql) console.log(await warmTextIndex(db.prisma, scope));
// The exact search takes seconds per question at 100k chunks, so its top 10s are kept per database and size
// (delete the file after changing the chunks or the ranking).
const exactFile = join(tmpdir(), `frontdesk-overlap-exact-${/^postgres(ql)?:\/\//.test(url) ? new URL(url).pathname.slice(1) : basename(url)}-${chunks}.json`);
const exactTops = new Map<string, string[]>(existsSync(exactFile) ? (JSON.parse(readFileSync(exactFile, "utf8")) as Array<[string, string[]]>) : []);
console.log(`${db.kind}, ${chunks} chunks, ${questions.length} questions: top ${TOP} of the bounded search (${values.bounds ?? "default bounds"}) against the exact search`);
for (const [side, search] of Object.entries(sides)) {
  const overlaps: number[] = [];
  const times = { bounded: [] as number[], exact: [] as number[] };
  for (const { query, vector } of questions) {
    let started = performance.now();
    const key = `${side}\t${query}`;
    const expected = exactTops.get(key) ?? (await search(query, vector, exact, false)).slice(0, TOP).map((hit) => hit.chunkId);
    if (!exactTops.has(key)) {
      times.exact.push(performance.now() - started);
      exactTops.set(key, expected);
      writeFileSync(exactFile, JSON.stringify([...exactTops]));
    }
    started = performance.now();
    const got = new Set((await search(query, vector, boundsUnderTest, values.sql ? false : undefined)).slice(0, TOP).map((hit) => hit.chunkId));
    times.bounded.push(performance.now() - started);
    if (expected.length > 0) overlaps.push(expected.filter((id) => got.has(id)).length / expected.length);
  }
  const mean = overlaps.reduce((sum, value) => sum + value, 0) / Math.max(1, overlaps.length);
  const full = overlaps.filter((value) => value === 1).length;
  const bounded = summarizeLatencies(times.bounded);
  // Exact searches kept from an earlier run were not timed.
  const exhaustive = times.exact.length > 0 ? summarizeLatencies(times.exact) : { p50: "kept", p99: "kept" };
  console.log(
    `${side}: overlap@${TOP} mean ${mean.toFixed(3)}, min ${Math.min(...overlaps).toFixed(1)}, identical sets ${full}/${overlaps.length}; ` +
      `ms p50 bounded ${bounded.p50} / exact ${exhaustive.p50}, p99 ${bounded.p99} / ${exhaustive.p99}`,
  );
}
await db.close();
process.exit(0);
