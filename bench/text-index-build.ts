// tsx bench/text-index-build.ts <database url or PGlite directory> [--rounds 1] [--old <folder holding an older text-index-load.ts>] [--searches 0] [--scoring auto]
import { createDatabase } from "@frontdesk/db";
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadTextIndex } from "../packages/rag/src/retrieval/text-index-load";
import { fullTextSearch, postingCount, textIndexBytes, textIndexCache } from "@frontdesk/rag";
import type { ScoringStrategy } from "../packages/rag/src/retrieval/text-index";
import { scoreInTurns } from "./scoring-turns";
import { syntheticQuestions } from "./seed-synthetic-chunks";

/**
 * Builds the in-memory full-text index of the database's largest knowledge base and prints its build time, the
 * worst lag of a 10 ms timer meanwhile (how long the event loop, i.e. every request of the process, was stalled),
 * its postings and bytes per posting. With `--old <folder>` (e.g. an older commit's retrieval folder written out
 * with `git show`), that version's `loadTextIndex` is built turn by turn with this one, in the same process. With
 * `--searches N`, the index is then built once more through the process's cache (`--rounds 0`: only that build) and N synthetic questions are
 * searched on the full-text side alone (`fullTextSearch`, 100 hits, no feedback: no vector or GIN index needed, so
 * it runs while a replicated database still builds those), with the mean time of each of its steps (the probe
 * statement, the scoring, the rows' statement). `--scoring exhaustive,bounded` runs each question with each scoring
 * strategy in turn (text-index.ts; taking turns going first) on the one index, and checks they find the same hits.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "1" }, old: { type: "string" }, searches: { type: "string", default: "0" }, scoring: { type: "string", default: "auto" } } });
const url = positionals[0];
if (!url) throw new Error("usage: tsx bench/text-index-build.ts <database url or PGlite directory> [--rounds 1] [--old <folder>]");
const db = await createDatabase(/^postgres(ql)?:\/\//.test(url) ? { databaseUrl: url, env: {} } : { dataDir: url, env: {} });
const [largest] = await db.prisma.$queryRaw<Array<{ knowledgeBaseId: string; organizationId: string; chunks: number }>>`
  SELECT s."knowledgeBaseId", kb."organizationId", s."chunkCount"::int AS chunks
    FROM knowledge_base_text_stats s JOIN knowledge_base kb ON kb.id = s."knowledgeBaseId"
   ORDER BY s."chunkCount" DESC LIMIT 1`;
if (!largest) throw new Error("no chunks in that database");

type Build = () => Promise<string>;
const variants: Array<[string, Build]> = [
  [
    "build thread, packed postings",
    async () => {
      const result = await loadTextIndex(db.prisma, largest.knowledgeBaseId, Number.MAX_SAFE_INTEGER);
      if (result.kind !== "built") return result.kind;
      const index = result.index;
      const postings = postingCount(index);
      const postingBytes = index.postings.byteLength + index.blockChunk.byteLength + index.blockByte.byteLength;
      return `${postings.toLocaleString("en")} postings, ${index.termDf.length.toLocaleString("en")} lexemes, postings ${(postingBytes / postings).toFixed(2)} B each, all ${(textIndexBytes(index) / 2 ** 20).toFixed(1)} MB (${(textIndexBytes(index) / postings).toFixed(2)} B a posting)`;
    },
  ],
];
if (values.old) {
  const old = (await import(pathToFileURL(`${values.old}/text-index-load.ts`).href)) as {
    loadTextIndex: (prisma: unknown, id: string, max: number) => Promise<{ kind: string; index?: { postingChunk: Int32Array; postingTf: Uint16Array } }>;
  };
  variants.push([
    "main thread, Int32 + Uint16 postings (old)",
    async () => {
      const result = await old.loadTextIndex(db.prisma, largest.knowledgeBaseId, Number.MAX_SAFE_INTEGER);
      if (!result.index) return result.kind;
      const { postingChunk, postingTf } = result.index;
      return `${postingChunk.length.toLocaleString("en")} postings, postings ${((postingChunk.byteLength + postingTf.byteLength) / postingChunk.length).toFixed(2)} B each`;
    },
  ]);
}

console.log(`${db.kind}, knowledge base of ${largest.chunks.toLocaleString("en")} chunks, ${new Date().toISOString()}`);
/** Runs a build with a 10 ms timer beside it and prints its time, the timer's worst lag, load and memory. */
async function timed(name: string, build: Build): Promise<void> {
  let worst = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const what = await build();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`${name}: built in ${seconds.toFixed(1)} s, worst event-loop lag ${worst.toFixed(0)} ms (load ${loadBefore.toFixed(1)}–${loadavg()[0]!.toFixed(1)}, rss ${rss.toFixed(0)} MB): ${what}`);
}

for (let round = 0; round < Number(values.rounds); round += 1) for (const [name, build] of variants) await timed(name, build);
const searches = Number(values.searches);
if (searches > 0) {
  const cache = textIndexCache(db.prisma, { minChunks: 0, maxPostings: Number.MAX_SAFE_INTEGER });
  await timed("through the process's cache", async () => {
    const index = await cache.build(largest.knowledgeBaseId);
    if (!index) throw new Error("the index was not built");
    return `${postingCount(index).toLocaleString("en")} postings, ${index.termDf.length.toLocaleString("en")} lexemes, all ${(textIndexBytes(index) / 2 ** 20).toFixed(1)} MB (${(textIndexBytes(index) / postingCount(index)).toFixed(2)} B a posting)`;
  });
  const scope = { organizationId: largest.organizationId, knowledgeBaseIds: [largest.knowledgeBaseId] };
  const warmup = 3;
  const turns = await scoreInTurns(cache, values.scoring!.split(",") as ScoringStrategy[], syntheticQuestions(searches + warmup), warmup, async (query) => {
    const hits = await fullTextSearch(db.prisma, { ...scope, query, limit: 100 });
    return JSON.stringify(hits.map((hit) => [hit.chunkId, hit.score]));
  });
  for (const { strategy, summary, means } of turns.times) {
    console.log(`fullTextSearch (in-memory index, ${strategy} scoring, 100 hits) ms p50 ${summary.p50} p95 ${summary.p95} p99 ${summary.p99} mean ${summary.mean}; means: ${means}`);
  }
  console.log(`${searches} questions (+${warmup} warm-up), results differing between strategies: ${turns.differing}, load ${turns.load}`);
}
await db.close();
process.exit(0);
