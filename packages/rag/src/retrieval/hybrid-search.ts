import type { PrismaClient } from "@frontdesk/db";
import { chunkRows, type ChunkRow } from "./chunk-rows";
import { FEEDBACK_CHUNKS, feedbackTerms, ORIGINAL_QUERY_WEIGHT } from "./feedback-terms";
import { feedbackOriginalWeight, FEEDBACK_MIN_RUNNER_UP_SHARE } from "./feedback-gate";
import { FEEDBACK_MIN_TERMS, longEnoughForFeedback } from "./fusion-decision";
import { fullTextCandidates, type FullTextCandidates, type FullTextPass, type SearchBounds } from "./full-text-search";
import { reciprocalRankFusion, RRF_K } from "./reciprocal-rank-fusion";
import type { Reranker } from "./rerank";
import { sentenceSimilarities } from "./sentence-similarities";
import type { FullTextSearchHit, RetrievedChunk, SearchHit, SearchScope, TextCandidate, VectorCandidate, VectorSearchHit } from "./types";
import { vectorCandidates } from "./vector-search";
import { decideQueryFusion } from "./vector-spread";
import { timeSpan, timeSpanSync } from "../timing";

export type FusionMethod = "convex" | "rrf";

export interface FusionOptions {
  /**
   * "convex" (default): textWeight × BM25 / (best BM25 of the query) + (1 − textWeight) × cosine similarity.
   * "rrf": reciprocal rank fusion, Σ weight / (60 + rank).
   */
  fusion?: FusionMethod;
  /** Share of the lexical side: α in the convex combination, the text list's weight (vector: 1 − α) in RRF. Default 0.5. */
  textWeight?: number;
  /**
   * Minimum cosine similarity. A chunk below it is still returned when it is a strong full-text match
   * (coverage ≥ minTextScore), so exact names, codes and rare words are found even when embeddings miss them.
   */
  minScore?: number;
  /** Full-text coverage (0..1) that counts as a strong match when minScore filters (default 0.5). */
  minTextScore?: number;
  /**
   * Pseudo-relevance feedback (RM3) on the full-text side (default on): the best chunks of a first fused
   * ranking lend their most probable terms to a second full-text query over the candidates of both searches,
   * whose ranking replaces the first full-text list in the fusion.
   */
  feedback?: boolean;
  /**
   * Feedback only when it can pay: it is skipped when the first pass is decisive, i.e. vector and full-text search
   * rank the same chunk first and its fused score leads the next candidate's by at least this margin (scores are
   * 0..1 in convex fusion). null: feedback on every query (the behaviour before this option).
   */
  decisiveMargin?: number | null;
  /**
   * Query-adaptive fusion (default on): when the cosine similarities of the full-text candidates do not follow
   * their BM25 scores at all (a question in a language the embedding model cannot read), this query is ranked by
   * full text alone (see vector-agreement.ts); when they follow them only loosely, it is fused without feedback
   * (fusion-decision.ts).
   */
  adaptive?: boolean;
  /**
   * With adaptive fusion, a question whose vector candidates' cosines spread at least this much (the model reads it)
   * is never ranked by full text alone and gives the vectors a larger share (vector-spread.ts; MIN_READABLE_SPREAD
   * is the measured value for the local model). Default DEFAULT_READABLE_SPREAD (null: off, decideFusion alone).
   */
  readableSpread?: number | null;
  /**
   * With adaptive fusion, a first full-text pass with a clear leader (the mean score of the runners-up, 2nd to 5th,
   * below this share of the best's) keeps more of the question in feedback (LED_ORIGINAL_QUERY_WEIGHT; default
   * FEEDBACK_MIN_RUNNER_UP_SHARE, feedback-gate.ts); null: ORIGINAL_QUERY_WEIGHT whatever the first pass looks like.
   */
  feedbackMinRunnerUpShare?: number | null;
  /** RM3's weight of the original question in feedback's second pass, for every question (overrides the gate above). */
  feedbackOriginalWeight?: number;
  /** Agreement below which adaptive fusion skips feedback (default FEEDBACK_MIN_AGREEMENT); null: never skips it. */
  feedbackMinAgreement?: number | null;
  /**
   * With adaptive fusion, questions of fewer terms than this get no feedback (default FEEDBACK_MIN_TERMS,
   * fusion-decision.ts); null: feedback at every length.
   */
  feedbackMinTerms?: number | null;
  /**
   * Share of the best-matching sentence in the vector side of convex fusion: a candidate's similarity is
   * (1 − sentenceWeight) × its chunk's cosine + sentenceWeight × the highest cosine of its stored sentence vectors
   * (chunk."sentenceVectors", made at ingestion for extractive answers). A chunk's one vector averages everything
   * it says; a short question usually asks about one sentence of it. Chunks without sentence vectors keep their
   * cosine. 0 turns it off (no sentence vectors are read). Default DEFAULT_SENTENCE_WEIGHT.
   */
  sentenceWeight?: number;
}

export interface HybridSearchInput extends SearchScope, FusionOptions {
  query: string;
  /**
   * The question's vector, or its promise (a question being embedded): the full-text side probes and scores
   * meanwhile and waits for it only for its hits' cosines.
   */
  queryVector: readonly number[] | PromiseLike<readonly number[]>;
  /**
   * Text for the full-text side when it differs from `query` (e.g. with expansion terms added), or its promise
   * (expansions being read: the vector side does not wait for them); undefined: `query`.
   */
  textQuery?: string | PromiseLike<string | undefined> | undefined;
  /** Reorders the fused candidates (the best `rerankDepth`) before the cut to `limit`. */
  reranker?: Reranker;
  /** Fused candidates handed to the reranker (default max(20, 3 × limit)). */
  rerankDepth?: number;
  /** Results returned (default 8). */
  limit?: number;
  /** Candidates taken from each search before fusion (default max(100, 5 × limit)). */
  candidates?: number;
  /** Work bounds of the full-text side in large knowledge bases (see fullTextSearch); for benches and tests. */
  bounds?: SearchBounds;
  /** false: the full-text side never uses the in-memory index (FullTextSearchInput.textIndex); for benches. */
  textIndex?: boolean;
  /** Other forms of the question's words on the full-text side (see FullTextSearchInput.wordForms). */
  wordForms?: boolean;
  /** The question's adjacent words joined into one on the full-text side (see FullTextSearchInput.compounds). */
  compounds?: boolean;
  /** A word-form class's document frequency counted from its chunks on the full-text side (see FullTextSearchInput.classChunks). */
  classChunks?: boolean | "all" | "rarer";
  /**
   * Also read the stored sentence vectors made by `model` of the first `first` results (all of the reranker's pool
   * when there is one), in the statement that reads the rows: on those hits as `sentenceVectors`.
   */
  sentenceVectors?: { model: string; first: number };
}

export const DEFAULT_HYBRID_LIMIT = 8;
const NO_TEXT_SEARCH: FullTextCandidates = { hits: [], queryTerms: 0 };
/** Candidates per side before fusion (and before feedback's second full-text pass). */
export const DEFAULT_CANDIDATES = 100;
export const DEFAULT_MIN_TEXT_SCORE = 0.5;
export const DEFAULT_TEXT_WEIGHT = 0.5;
/** See FusionOptions.sentenceWeight. */
export const DEFAULT_SENTENCE_WEIGHT = 0;
/** See FusionOptions.decisiveMargin. */
export const DEFAULT_DECISIVE_MARGIN: number | null = null;

/** Both searches put the same chunk first and the fused ranking agrees by a margin (FusionOptions.decisiveMargin). */
function isDecisive(candidates: FusionCandidates, first: readonly FusedScore[], margin: number | null): boolean {
  if (margin === null || first.length === 0) return false;
  const top = first[0]!.chunkId;
  if (candidates.vectorHits[0]?.chunkId !== top || candidates.textHits[0]?.chunkId !== top) return false;
  return first.length < 2 || first[0]!.score - first[1]!.score >= margin;
}

/**
 * Vector and full-text (BM25) search, both scoped to the organization and knowledge bases, fused into one
 * ranking. Every result carries its cosine similarity, including chunks only full-text search found.
 *
 * Both sides, feedback and fusion work on chunk ids and scores; one statement at the end reads the rows of the
 * chunks returned (the reranker's pool when there is one), so the 100 candidates per side never carry their content.
 * The round trips in a row: the vector statement, alongside the full-text side (in-memory index: its probe, then
 * the cosines of its hits; SQL: its plan, then its scoring with the cosines), then the rows; feedback adds its terms
 * and, on the SQL path, a second full-text pass (the in-memory index re-scores without a statement).
 */
export async function hybridSearch(prisma: PrismaClient, input: HybridSearchInput): Promise<SearchHit[]> {
  const first = await searchOnce(prisma, input);
  // The candidates and the rows are read by separate statements: a document whose chunks were replaced (or deleted)
  // in between leaves winners without rows. Searching again sees the knowledge base after the switch, so a visitor
  // gets the new chunks instead of fewer results (or none) for a moment; once, since it is a race, not a state.
  if (first.vanished === 0) return first.hits;
  return (await searchOnce(prisma, input)).hits;
}

/** One search; `vanished`: winners whose rows were gone by the time they were read. */
async function searchOnce(prisma: PrismaClient, input: HybridSearchInput): Promise<{ hits: SearchHit[]; vanished: number }> {
  const limit = input.limit ?? DEFAULT_HYBRID_LIMIT;
  const candidates = input.candidates ?? Math.min(1000, Math.max(DEFAULT_CANDIDATES, limit * 5));
  const scope = { organizationId: input.organizationId, knowledgeBaseIds: input.knowledgeBaseIds, filters: input.filters };
  // A side with weight 0 contributes nothing, so its candidates would only pad the list with score-0 hits.
  // An empty query vector (some models return one for text they cannot read) leaves the full-text side.
  const textWeight = input.textWeight ?? DEFAULT_TEXT_WEIGHT;
  // Each side waits only for what it needs: the vector side for the query vector, the full-text side for its text
  // (it probes and scores while the question is still being embedded, and takes the vector for its hits' cosines).
  const vector = Promise.resolve(input.queryVector);
  const textQuery = Promise.resolve(input.textQuery).then((text) => text ?? input.query);
  // A side that does not run never awaits its input: its failure is not this search's.
  textQuery.catch(() => undefined);
  const textPass = (query: string, similarityTo: PromiseLike<readonly number[] | undefined> | undefined) =>
    timeSpan("hybrid.fullTextSearch", () =>
      fullTextCandidates(prisma, { ...scope, query, limit: candidates, bounds: input.bounds, textIndex: input.textIndex, wordForms: input.wordForms, compounds: input.compounds, classChunks: input.classChunks }, similarityTo),
    );
  // The full-text side brings its hits' cosines itself, without waiting for the vector side: for all of them, since
  // which ones vector search also returns is not known yet (their cosines are the same numbers).
  const [vectorHits, firstPass] = await Promise.all([
    textWeight < 1
      ? vector.then((queryVector) =>
          queryVector.length > 0 ? timeSpan("hybrid.vectorSearch", () => vectorCandidates(prisma, { ...scope, queryVector, limit: candidates })) : [],
        )
      : [],
    textWeight > 0 ? fullTextSide(input, textQuery, textWeight < 1 ? vector : undefined, textPass) : NO_TEXT_SEARCH,
  ]);
  const queryVector = await vector;
  const useVectors = textWeight < 1 && queryVector.length > 0;
  const textHits = firstPass.hits;
  const similarities = firstPass.similarities ?? new Map<string, number>();
  const sentenceWeight = input.sentenceWeight ?? DEFAULT_SENTENCE_WEIGHT;
  // Feedback's second pass re-ranks these same candidates (`within`), so their sentences are read once.
  const bestSentences =
    useVectors && sentenceWeight > 0 && input.fusion !== "rrf"
      ? await timeSpan("hybrid.sentenceSimilarities", () => bestSentenceSimilarities(prisma, scope, queryVector, [...textHits, ...vectorHits]))
      : undefined;
  let fused: FusionCandidates = { vectorHits, textHits, similarities, bestSentences };
  // Decided once, on the first full-text list: the weight and whether feedback may run (fusion-decision.ts).
  const adaptive = input.adaptive ?? true;
  const decision = useVectors && adaptive
    ? decideQueryFusion(textWeight, textHits, allSimilarities(fused), vectorHits, { feedbackMinAgreement: input.feedbackMinAgreement, minSpread: input.readableSpread })
    : { textWeight, feedback: true };
  const options: FusionOptions = { ...input, textWeight: decision.textWeight };
  const longEnough = !adaptive || longEnoughForFeedback(firstPass.queryTerms, input.feedbackMinTerms === undefined ? FEEDBACK_MIN_TERMS : input.feedbackMinTerms);
  if ((input.feedback ?? true) && decision.feedback && longEnough && textHits.length > 0) {
    // Feedback documents come from the fused ranking, where both sides agree, not from full text alone.
    const first = fuseScores(fused, options, FEEDBACK_CHUNKS);
    const decisive = isDecisive(fused, first, input.decisiveMargin === undefined ? DEFAULT_DECISIVE_MARGIN : input.decisiveMargin);
    const terms = decisive ? [] : await timeSpan("hybrid.feedbackTerms", () => feedbackTerms(prisma, scope, { feedback: first.map((hit) => ({ chunkId: hit.chunkId, score: hit.score })) }));
    if (terms.length > 0) {
      // A first pass with a clear leader (a known item its own words found) keeps more of the question (feedback-gate.ts).
      const minShare = input.feedbackMinRunnerUpShare === undefined ? FEEDBACK_MIN_RUNNER_UP_SHARE : input.feedbackMinRunnerUpShare;
      const originalWeight = adaptive ? feedbackOriginalWeight(textHits, minShare) : ORIGINAL_QUERY_WEIGHT;
      const pass: FullTextPass = {
        limit: candidates,
        feedback: { terms, originalWeight: input.feedbackOriginalWeight ?? originalWeight },
        // The same question's forms: the first pass found them, so this pass does not look them up again.
        wordForms: firstPass.forms ?? input.wordForms,
        // Feedback re-ranks what either search found: as good on every collection measured, and expansion words
        // common to most chunks would otherwise make this pass score nearly the whole knowledge base.
        within: [...new Set([...textHits, ...vectorHits].map((hit) => hit.chunkId))],
      };
      // The in-memory index scores it on the first pass's snapshot and probe; the SQL scorer plans it again.
      const { rescore } = firstPass;
      const expanded = rescore
        ? timeSpanSync("hybrid.feedbackFullText", () => rescore(pass).hits)
        : await timeSpan("hybrid.feedbackFullText", async () => (await fullTextCandidates(prisma, { ...scope, query: await textQuery, textIndex: input.textIndex, compounds: input.compounds, classChunks: input.classChunks, ...pass })).hits);
      // Every chunk of the second pass is a first-pass candidate, whose cosine is known already.
      fused = { vectorHits, textHits: expanded, similarities, bestSentences };
    }
  }
  const depth = input.reranker ? Math.max(limit, input.rerankDepth ?? Math.max(20, limit * 3)) : limit;
  const winners = fuseScores(fused, options, depth);
  const ids = winners.map((hit) => hit.chunkId);
  const wanted = input.sentenceVectors && { model: input.sentenceVectors.model, chunkIds: input.reranker ? ids : ids.slice(0, input.sentenceVectors.first) };
  const rows = await timeSpan("hybrid.rows", () => chunkRows(prisma, scope, ids, wanted));
  const hits = withRows(winners, rows);
  const vanished = winners.length - hits.length;
  if (!input.reranker || vanished > 0) return { hits, vanished };
  return { hits: (await input.reranker.rerank(input.query, hits)).slice(0, limit), vanished };
}

/**
 * The first full-text pass. With its text still on its way (a promise: the question's expansions being read), it
 * starts on the question itself meanwhile, and keeps that pass when the text turns out to be the question (no
 * expansion applied, the usual case), so the read costs no round trip in a row; otherwise it searches again with the
 * text, as it would have after waiting. The speculative pass asks for its hits' cosines only once it is kept.
 */
async function fullTextSide(
  input: HybridSearchInput,
  text: Promise<string>,
  vector: Promise<readonly number[]> | undefined,
  pass: (query: string, similarityTo: PromiseLike<readonly number[] | undefined> | undefined) => Promise<FullTextCandidates>,
): Promise<FullTextCandidates> {
  if (input.textQuery === undefined || typeof input.textQuery === "string") return pass(await text, vector);
  const kept = text.then((query) => query === input.query);
  const keptVector = vector && Promise.all([vector, kept]).then(([queryVector, keep]) => (keep ? queryVector : undefined));
  // Awaited by the pass only once it has scored (and not when nothing matched): a failure surfaces through `text`.
  keptVector?.catch(() => undefined);
  const speculative = pass(input.query, keptVector);
  speculative.catch(() => undefined);
  if (await kept) return speculative;
  return pass(await text, vector);
}

/** Fused scores with their chunks' rows; a chunk without one (deleted, or its document no longer ready) is left out. */
function withRows(scores: readonly FusedScore[], rows: ReadonlyMap<string, ChunkRow>): SearchHit[] {
  return scores.flatMap((hit) => {
    const row = rows.get(hit.chunkId);
    return row ? [{ ...chunkFields(row), score: hit.score, vectorScore: hit.vectorScore, textScore: hit.textScore }] : [];
  });
}

export interface FusionCandidates {
  vectorHits: readonly VectorCandidate[];
  textHits: readonly TextCandidate[];
  /** Cosine similarities of full-text hits (those also among the vector hits may be left out). */
  similarities?: ReadonlyMap<string, number>;
  /** Per candidate, the highest cosine of its stored sentence vectors (see FusionOptions.sentenceWeight). */
  bestSentences?: ReadonlyMap<string, number>;
}

/** A fused candidate before its row is read (SearchHit without the chunk's fields). */
export interface FusedScore {
  chunkId: string;
  score: number;
  vectorScore: number | null;
  textScore: number | null;
}

/** The highest sentence cosine of each candidate that has sentence vectors of the query's size. */
async function bestSentenceSimilarities(
  prisma: PrismaClient,
  scope: SearchScope,
  queryVector: readonly number[],
  hits: ReadonlyArray<{ chunkId: string }>,
): Promise<Map<string, number>> {
  const all = await sentenceSimilarities(prisma, scope, queryVector, [...new Set(hits.map((hit) => hit.chunkId))]);
  return new Map([...all].map(([id, values]) => [id, Math.max(...values)]));
}

/** Cosine similarity of every candidate: vector hits' own scores and those looked up for full-text hits. */
function allSimilarities(candidates: FusionCandidates): Map<string, number> {
  const similarity = new Map(candidates.similarities ?? []);
  for (const hit of candidates.vectorHits) similarity.set(hit.chunkId, hit.score);
  return similarity;
}

/** The fusion step on its own, for callers (like the benchmark) that already ran both searches with rows. */
export function fuseHits(
  candidates: FusionCandidates & { vectorHits: readonly VectorSearchHit[]; textHits: readonly FullTextSearchHit[] },
  options: FusionOptions,
  limit: number,
): SearchHit[] {
  const rows = new Map<string, RetrievedChunk>([...candidates.textHits, ...candidates.vectorHits].map((hit) => [hit.chunkId, hit]));
  return withRows(fuseScores(candidates, options, limit), rows);
}

/** Fusion on ids and scores: the best `limit` candidates of either side, with their fused, cosine and coverage scores. */
export function fuseScores(candidates: FusionCandidates, options: FusionOptions, limit: number): FusedScore[] {
  const { vectorHits, textHits } = candidates;
  const ids = new Set<string>(vectorHits.map((hit) => hit.chunkId));
  for (const hit of textHits) ids.add(hit.chunkId);
  const similarity = allSimilarities(candidates);
  const text = new Map(textHits.map((hit) => [hit.chunkId, hit]));

  const textWeight = options.textWeight ?? DEFAULT_TEXT_WEIGHT;
  const fused =
    options.fusion === "rrf"
      ? reciprocalRankFusion(
          [
            { ids: vectorHits.map((hit) => hit.chunkId), weight: 1 - textWeight },
            { ids: textHits.map((hit) => hit.chunkId), weight: textWeight },
          ],
          RRF_K,
        )
      : convexCombination([...ids], textHits, vectorSide(similarity, candidates.bestSentences, options.sentenceWeight ?? DEFAULT_SENTENCE_WEIGHT), textWeight);

  const minTextScore = options.minTextScore ?? DEFAULT_MIN_TEXT_SCORE;
  const results: FusedScore[] = [];
  for (const { id, score } of fused) {
    if (!ids.has(id)) continue;
    const vectorScore = similarity.get(id) ?? null;
    const textScore = text.get(id)?.coverage ?? null;
    if (options.minScore !== undefined) {
      const similarEnough = vectorScore !== null && vectorScore >= options.minScore;
      const strongText = textScore !== null && textScore >= minTextScore;
      if (!similarEnough && !strongText) continue;
    }
    results.push({ chunkId: id, score, vectorScore, textScore });
    if (results.length === limit) break;
  }
  return results;
}

/**
 * BM25 is unbounded, so it is scaled by the query's best BM25 score (the best full-text match gets 1 and keeps its
 * margin over the next); cosine similarity is used as it is. A convex combination of normalised scores keeps how
 * much better one candidate is than the next, which rank fusion throws away (Bruch et al., "An Analysis of Fusion
 * Functions for Hybrid Retrieval", TOIS 2023). Chosen on two collections of different kinds (Cranfield and a
 * known-item collection of man pages): see bench/README.md.
 */
function convexCombination(
  ids: readonly string[],
  textHits: readonly TextCandidate[],
  similarity: ReadonlyMap<string, number>,
  textWeight: number,
): Array<{ id: string; score: number }> {
  const textScore = new Map(normalizeTextScores(textHits.map((hit) => hit.score)).map((score, index) => [textHits[index]?.chunkId ?? "", score]));
  return ids
    .map((id) => ({ id, score: textWeight * (textScore.get(id) ?? 0) + (1 - textWeight) * (similarity.get(id) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The vector side of convex fusion: chunk cosine, blended with the best sentence's when there is one. */
function vectorSide(similarity: ReadonlyMap<string, number>, bestSentences: ReadonlyMap<string, number> | undefined, sentenceWeight: number): ReadonlyMap<string, number> {
  if (!bestSentences || sentenceWeight <= 0) return similarity;
  const blended = new Map(similarity);
  for (const [id, cosine] of similarity) {
    const sentence = bestSentences.get(id);
    if (sentence !== undefined) blended.set(id, (1 - sentenceWeight) * cosine + sentenceWeight * sentence);
  }
  return blended;
}

function chunkFields(hit: ChunkRow): ChunkRow {
  const { chunkId, documentId, knowledgeBaseId, documentTitle, content, position, metadata, sentenceVectors } = hit;
  return { chunkId, documentId, knowledgeBaseId, documentTitle, content, position, metadata, ...(sentenceVectors !== undefined ? { sentenceVectors } : {}) };
}

/** Per-query BM25 normalisation for convex fusion (see convexCombination): score / best score. */
export function normalizeTextScores(scores: readonly number[]): number[] {
  const best = Math.max(0, ...scores);
  return scores.map((score) => (best > 0 ? score / best : 0));
}
