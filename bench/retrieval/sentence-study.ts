import { readFile } from "node:fs/promises";
import { scoreAgreement, MIN_AGREEMENT } from "@frontdesk/rag";
import { meanMetrics, rankingMetrics, toDocumentRanking, type RankingMetrics } from "./metrics";
import { DEPTH, type Dump, type Query } from "./query-features";

// tsx bench/retrieval/sentence-study.ts <dump.json> ...   (dumps of dump-candidates.ts, which include sentence cosines)
// Offline: does the best-matching sentence's cosine (the sentence vectors stored for extractive answers) help the
// convex fusion's vector side? First pass only (no feedback), 100 candidates per side, the product's adaptive rule
// (full text alone below agreement 0.1). Each row: nDCG@10 per collection, its ratio to the no-sentence fusion, and
// halves A (even query position) / B (odd), to see whether a setting chosen on one half holds on the other.

type VectorSide = (cosine: number, sentences: readonly number[] | undefined) => number;

const top = (values: readonly number[], k: number) => [...values].sort((a, b) => b - a).slice(0, k);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

const sides: Record<string, VectorSide> = { chunk: (cosine) => cosine };
for (const beta of [0.25, 0.5, 0.75, 1]) {
  sides[`max β${beta}`] = (cosine, s) => (s && s.length > 0 ? (1 - beta) * cosine + beta * Math.max(...s) : cosine);
  sides[`top2 β${beta}`] = (cosine, s) => (s && s.length > 0 ? (1 - beta) * cosine + beta * mean(top(s, 2)) : cosine);
}
for (const gamma of [0.25, 0.5]) sides[`cos+${gamma}max`] = (cosine, s) => (s && s.length > 0 ? (cosine + gamma * Math.max(...s)) / (1 + gamma) : cosine);

const VECTOR_NORM = process.env.VECTOR_NORM ?? "raw";

function rank(query: Query, side: VectorSide, textWeight: number): string[] {
  const vector = query.vector.slice(0, DEPTH);
  const text = query.fullText.slice(0, DEPTH);
  const cosine = new Map<string, number>();
  const document = new Map<string, string>();
  for (const hit of text) { if (hit.similarity !== null) cosine.set(hit.chunkId, hit.similarity); document.set(hit.chunkId, hit.documentId); }
  for (const hit of vector) { cosine.set(hit.chunkId, hit.score); document.set(hit.chunkId, hit.documentId); }
  const agreement = scoreAgreement(text.map((hit) => ({ ...hit, knowledgeBaseId: "", documentTitle: "", content: "", position: 0, metadata: {} })), cosine);
  const weight = agreement !== null && agreement < MIN_AGREEMENT ? 1 : textWeight;
  const best = Math.max(0, ...text.map((hit) => hit.score)) || 1;
  const textScore = new Map(text.map((hit) => [hit.chunkId, hit.score / best]));
  const vectorScore = new Map([...cosine].map(([id, value]) => [id, side(value, query.sentences?.[id])]));
  // VECTOR_NORM=max|minmax scales the vector side per query as the text side is (default raw cosine, the product's).
  const values = [...vectorScore.values()];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const norm = (value: number) => (VECTOR_NORM === "max" ? value / (high || 1) : VECTOR_NORM === "minmax" ? (value - low) / ((high - low) || 1) : value);
  return toDocumentRanking(
    [...document.keys()]
      .map((id) => ({ id, score: weight * (textScore.get(id) ?? 0) + (1 - weight) * (vectorScore.has(id) ? norm(vectorScore.get(id)!) : 0) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .map((hit) => document.get(hit.id)!),
  ).slice(0, 10);
}

const dumps = await Promise.all(process.argv.slice(2).map(async (path) => JSON.parse(await readFile(path, "utf8")) as Dump));
const score = (dump: Dump, side: VectorSide, textWeight: number, half: 0 | 1 | "all"): RankingMetrics =>
  meanMetrics(
    dump.queries
      .filter((_, index) => half === "all" || index % 2 === half)
      .map((query) => rankingMetrics(rank(query, side, textWeight).flatMap((id) => dump.documents[id] ?? [id]), new Map(Object.entries(dump.qrels[query.id] ?? {})))),
  );
const weights = (process.env.TEXT_WEIGHTS ?? "0.5").split(",").map(Number);
console.log(["vector side".padEnd(22), ...dumps.map((dump) => dump.collection.slice(0, 26).padStart(34))].join(" "));
for (const textWeight of weights) {
  const base = dumps.map((dump) => score(dump, sides.chunk!, 0.5, "all").ndcg10);
  for (const [name, side] of Object.entries(sides)) {
    const cells = dumps.map((dump, index) => {
      const all = score(dump, side, textWeight, "all");
      return `${all.ndcg10.toFixed(3)} ×${(all.ndcg10 / base[index]!).toFixed(3)} mrr ${all.mrr10.toFixed(3)} ${score(dump, side, textWeight, 0).ndcg10.toFixed(2)}/${score(dump, side, textWeight, 1).ndcg10.toFixed(2)}`;
    });
    console.log([`${name} tw${textWeight}`.padEnd(22), ...cells.map((cell) => cell.padStart(34))].join(" "));
  }
}
