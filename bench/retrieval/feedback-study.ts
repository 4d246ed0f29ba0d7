import { writeFile } from "node:fs/promises";
import {
  decideQueryFusion,
  DEFAULT_CANDIDATES,
  DEFAULT_TEXT_WEIGHT,
  FEEDBACK_CHUNKS,
  feedbackTerms,
  fullTextCandidates,
  fuseScores,
  hybridSearch,
  normalizeSearchText,
  vectorCandidates,
  type HybridSearchInput,
} from "@frontdesk/rag";
import { openKeptCollection } from "./kept-collection";
import { meanMetrics, rankingMetrics, toDocumentRanking, type RankingMetrics } from "./metrics";

// tsx bench/retrieval/feedback-study.ts <BEIR folder> <kept database url> <out.json> ['<JSON {name: hybridSearch options}>']
// For the feedback gate (issue 13): every query's first pass as hybridSearch makes it (both candidate lists, the
// fusion decision, the fused top that lends feedback its chunks, feedback's terms and weights), and its metrics end
// to end with the default (feedback where the product runs it) and each variant ({"off": {"feedback": false}} by
// default). Variants are searched only for the queries where feedback runs (the others rank the same whatever the
// gate says). feedback-gate-study.ts then scores gates offline from these signals.

const [folder, url, out, variantsJson] = process.argv.slice(2);
if (!folder || !url || !out) throw new Error("usage: feedback-study.ts <BEIR folder> <kept database url> <out.json> ['<JSON {name: options}>']");
const { collection, db, ids, scope, vectors, bm25, judged } = await openKeptCollection(folder, url);
const variants = { off: { feedback: false }, ...(variantsJson ? (JSON.parse(variantsJson) as Record<string, Partial<HybridSearchInput>>) : {}) };

const metricsOf = async (query: string, queryVector: readonly number[], id: string, options: Partial<HybridSearchInput>): Promise<RankingMetrics> => {
  // The gate under study is off unless a variant sets it: "default" is feedback wherever it ran before the gate.
  const hits = await hybridSearch(db.prisma, { ...scope, query, queryVector, limit: 50, candidates: DEFAULT_CANDIDATES, feedbackMinRunnerUpShare: null, ...options });
  return rankingMetrics(toDocumentRanking(hits.flatMap((hit) => ids.get(hit.documentId) ?? [])).slice(0, 10), judged(id));
};

const rows = [];
for (const [index, query] of collection.queries.entries()) {
  const queryVector = vectors[index]!;
  const text = await fullTextCandidates(db.prisma, { ...scope, query: query.text, limit: DEFAULT_CANDIDATES }, queryVector);
  const vectorHits = await vectorCandidates(db.prisma, { ...scope, queryVector, limit: DEFAULT_CANDIDATES });
  const similarity = new Map(text.similarities ?? []);
  for (const hit of vectorHits) similarity.set(hit.chunkId, hit.score);
  const decision = decideQueryFusion(DEFAULT_TEXT_WEIGHT, text.hits, similarity, vectorHits);
  const candidates = { vectorHits, textHits: text.hits, similarities: similarity };
  const fused = fuseScores(candidates, { textWeight: decision.textWeight }, 20);
  const terms = await feedbackTerms(db.prisma, scope, { feedback: fused.slice(0, FEEDBACK_CHUNKS).map((hit) => ({ chunkId: hit.chunkId, score: hit.score })) });
  const queryWords = [...new Set(normalizeSearchText(query.text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
  const textRank = new Map(text.hits.map((hit, rank) => [hit.chunkId, rank]));
  const vectorRank = new Map(vectorHits.map((hit, rank) => [hit.chunkId, rank]));
  const best = text.hits[0]?.score ?? 0;
  const metrics: Record<string, RankingMetrics> = {
    bm25: rankingMetrics(bm25.search(query.text, 10).map((hit) => hit.id), judged(query.id)),
    default: await metricsOf(query.text, queryVector, query.id, {}),
  };
  const feedbackRuns = decision.feedback && text.queryTerms >= 6 && text.hits.length > 0;
  for (const [name, options] of Object.entries(variants)) metrics[name] = feedbackRuns ? await metricsOf(query.text, queryVector, query.id, options) : metrics.default!;
  rows.push({
    id: query.id,
    text: query.text,
    queryTerms: text.queryTerms,
    queryWords,
    feedbackRuns,
    textWeight: decision.textWeight,
    textScores: text.hits.slice(0, 20).map((hit) => hit.score / (best || 1)),
    textCoverage: text.hits.slice(0, 20).map((hit) => hit.coverage),
    vectorScores: vectorHits.slice(0, 20).map((hit) => hit.score),
    fused: fused.map((hit) => ({ score: hit.score, coverage: hit.textScore, cosine: hit.vectorScore, textRank: textRank.get(hit.chunkId) ?? null, vectorRank: vectorRank.get(hit.chunkId) ?? null })),
    feedbackTerms: terms,
    metrics,
  });
  if (index % 50 === 49) console.error(`${collection.name}: ${index + 1} queries`);
}
const names = Object.keys(rows[0]?.metrics ?? {});
for (const name of names) {
  const all = meanMetrics(rows.map((row) => row.metrics[name]!));
  const gated = rows.filter((row) => row.feedbackRuns);
  console.log(`${collection.name} ${name.padEnd(10)} ${all.ndcg10.toFixed(4)}/${all.recall10.toFixed(3)}/${all.mrr10.toFixed(3)}  (feedback runs on ${gated.length}: ${meanMetrics(gated.map((row) => row.metrics[name]!)).ndcg10.toFixed(4)})`);
}
await writeFile(out, JSON.stringify({ collection: collection.name, rows }));
await db.close();
process.exit(0);
