// tsx bench/text-index-synthetic.ts [--chunks 100000] [--times 10] [--queries 60] [--warmup 20] [--limit 100] [--cache <file>] [--strategies exhaustive,bounded]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { deserialize, serialize } from "node:v8";
import { BM25_B, BM25_K1 } from "../packages/rag/src/retrieval/bm25-parameters";
import { stopwordList } from "../packages/rag/src/retrieval/query-terms";
import { normalizeSearchText } from "../packages/rag/src/retrieval/search-normalization";
import { postingCount, textIndexBytes, type ScoringStrategy, type TextIndex } from "../packages/rag/src/retrieval/text-index";
import { TextIndexPacker, type PackedTextIndex } from "../packages/rag/src/retrieval/text-index-build.mjs";
import { scoreProbed } from "../packages/rag/src/retrieval/text-index-search";
import { summarizeLatencies } from "./latency-summary";
import { syntheticQuestions } from "./seed-synthetic-chunks";
import { seededRandom } from "./synthetic-prose";
import { zipfCorpus } from "./zipf-corpus";

/**
 * The in-memory full-text index's scoring at any size without a database: builds an index of `chunks` Zipf chunks
 * (the seeder's corpus: 150–400 words a chunk, 1.3 tokens a word, 200 chunks a document), each `times` times in a
 * row as `replicate-chunks.ts` makes a 1M database of a 100k one (copies' ids sort next to their original's), in
 * this process, or reads one `--cache` kept from an earlier run. Then it scores the bench's synthetic questions as
 * an indexed `fullTextSearch` does (`scoreProbed`: word forms from the lexicon, `limit` hits, no feedback) with each
 * strategy in turn, taking turns going first, after `warmup` questions (the bounded scorer's paths need a few dozen
 * queries before V8 has optimized them all), checks that they return the same chunks and scores, and prints p50 /
 * p95 / p99 per strategy of wall time and of the process's CPU time (steadier than wall time on a loaded machine).
 */
const { values } = parseArgs({
  options: {
    chunks: { type: "string", default: "100000" },
    times: { type: "string", default: "1" },
    warmup: { type: "string", default: "20" },
    queries: { type: "string", default: "60" },
    limit: { type: "string", default: "100" },
    cache: { type: "string" },
    strategies: { type: "string", default: "exhaustive,bounded" },
  },
});
const chunks = Number(values.chunks);
const times = Number(values.times);
const strategies = values.strategies!.split(",") as ScoringStrategy[];

function buildIndex(): PackedTextIndex {
  const zipf = zipfCorpus();
  const random = seededRandom(42);
  const packer = new TextIndexPacker();
  const tfs = new Map<string, number>();
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const words = 150 + Math.floor(random() * 251);
    tfs.clear();
    for (let at = 0; at < words; at += 1) {
      const word = zipf.draw(random);
      tfs.set(word, (tfs.get(word) ?? 0) + 1);
    }
    let fts = "";
    for (const [word, tf] of tfs) fts += `'${word}':${"1,".repeat(Math.min(tf, 256) - 1)}1 `;
    for (let copy = 1; copy <= times; copy += 1) packer.addChunk(`c${String(chunk).padStart(8, "0")}-${String(copy).padStart(3, "0")}`, `d${Math.floor(chunk / 200)}-${copy}`, Math.round(1.3 * words), fts);
    if (chunk % 100_000 === 99_999) process.stderr.write(`  ${chunk + 1} chunks\n`);
  }
  return packer.finish({ k1: BM25_K1, b: BM25_B });
}

const started = performance.now();
let packed: PackedTextIndex;
if (values.cache && existsSync(values.cache)) {
  packed = deserialize(readFileSync(values.cache)) as PackedTextIndex;
  if (packed.chunkCount !== chunks * times) throw new Error(`${values.cache} holds ${packed.chunkCount} chunks, not ${chunks * times}`);
} else {
  packed = buildIndex();
  if (values.cache) writeFileSync(values.cache, serialize(packed));
}
const index: TextIndex = { ...packed, knowledgeBaseId: "synthetic", generation: 1n };
console.log(
  `${(chunks * times).toLocaleString("en")} Zipf chunks (${chunks.toLocaleString("en")} × ${times}): ${postingCount(index).toLocaleString("en")} postings, ${index.termDf.length.toLocaleString("en")} lexemes, ~${(textIndexBytes(index) / 2 ** 20).toFixed(0)} MB (block bounds ${((index.blockMaxImpact.byteLength + index.termMaxImpact.byteLength) / 2 ** 20).toFixed(1)} MB), ready in ${((performance.now() - started) / 1000).toFixed(1)} s (load ${loadavg()[0]!.toFixed(1)})`,
);

const warmup = Number(values.warmup);
const questions = syntheticQuestions(Number(values.queries) + warmup);
const scope = { organizationId: "o", knowledgeBaseIds: ["synthetic"] };
const samples = new Map<ScoringStrategy, number[]>(strategies.map((strategy) => [strategy, []]));
const cpuSamples = new Map<ScoringStrategy, number[]>(strategies.map((strategy) => [strategy, []]));
const loads: number[] = [];
let differing = 0;
for (const [number, query] of questions.entries()) {
  // The probe statement's lexemes: the folded query's words without function words.
  const lexemes = [...new Set(normalizeSearchText(query).toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((word) => word !== "" && !stopwordList.includes(word));
  const probe = { lexemes, bases: null, unready: [], allowed: null };
  const results: string[] = [];
  const turn = number % 2 === 0 ? strategies : [...strategies].reverse();
  for (const strategy of turn) {
    const begun = performance.now();
    const cpu = process.cpuUsage();
    const found = scoreProbed([index], probe, strategy)({ ...scope, query, limit: Number(values.limit) });
    const elapsed = performance.now() - begun;
    const used = process.cpuUsage(cpu);
    if (number >= warmup) {
      samples.get(strategy)!.push(elapsed);
      cpuSamples.get(strategy)!.push((used.user + used.system) / 1000);
    }
    results.push(JSON.stringify(found.hits));
  }
  if (new Set(results).size > 1) differing += 1;
  loads.push(loadavg()[0]!);
}
for (const [strategy, wall] of samples) {
  const summary = summarizeLatencies(wall);
  const cpu = summarizeLatencies(cpuSamples.get(strategy)!);
  console.log(
    `  ${strategy}: scoring (word forms, ${values.limit} hits) ms wall p50 ${summary.p50} p95 ${summary.p95} p99 ${summary.p99} mean ${summary.mean} max ${summary.max}; CPU p50 ${cpu.p50} p95 ${cpu.p95} p99 ${cpu.p99} mean ${cpu.mean}`,
  );
}
console.log(`  ${questions.length - warmup} questions (+${warmup} warm-up), results differing between strategies: ${differing}, load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
