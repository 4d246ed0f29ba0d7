import { decideFusion, FEEDBACK_MIN_AGREEMENT, type FusionDecision } from "./fusion-decision";
import type { TextCandidate, VectorCandidate } from "./types";
import { scoreAgreement } from "./vector-agreement";

/**
 * Does the embedding model read this question? Measured on the vector candidates alone: the spread (standard
 * deviation) of their cosine similarities. A model that reads the language places the question near a few chunks
 * and far from the rest; one that cannot read it (the local English-only model on Russian or German) gives every
 * chunk nearly the same, high cosine. On first-pass dumps of issue 13 (bench/README.md, "Vectors that read the
 * question"), over the 100 vector candidates: English man pages and docstrings 0.018–0.059 (5th–95th percentile),
 * German 0.008–0.019, Russian 0.005–0.021 (medians 0.026–0.027 against 0.009–0.010).
 *
 * The agreement rule (vector-agreement.ts) cannot tell "the vectors cannot read it" from "the two lists disagree":
 * on English known-item questions whose agreement is below 0.1 the vectors are still right more often than full
 * text (man pages: those 29 of 300 questions score 0.516 nDCG@10 by full text alone, 0.552 fused at 0.5, 0.673 at
 * 0.2). So when the cosines are spread, a question is never ranked by full text alone, and the vectors get a larger
 * share (READABLE_TEXT_WEIGHT_SCALE): a short question gives BM25 few words to rank by while the vector reads all
 * of it. A flat question keeps decideFusion's decision as it is.
 *
 * The threshold is in the local model's cosine units; a model whose cosines are spread for every question (a
 * multilingual one) simply always counts as reading it, which is what such a model does.
 *
 * Off by default (DEFAULT_READABLE_SPREAD null): the spread depends on the knowledge base's size as well as on the
 * language. The dumps above come from knowledge bases of 440–1,000 chunks, where the 100 vector candidates are the
 * top of the ranking; in a small one they are every chunk, and a language the model cannot read spreads over its
 * whole range (0.67–0.77 for Russian, sd ~0.025, as adaptive-fusion.test.ts's mixed knowledge base has it), so the
 * rule would fuse noise there. It needs a signal of readability that does not depend on size before it can be on.
 */
export const MIN_READABLE_SPREAD = 0.015;
/** The spread hybridSearch uses when FusionOptions.readableSpread is not given; null: decideFusion alone. */
export const DEFAULT_READABLE_SPREAD: number | null = null;
/** The configured text weight is multiplied by this for questions the vectors read (0.5 → 0.4). */
export const READABLE_TEXT_WEIGHT_SCALE = 0.8;
/** Fewer vector candidates than this say too little (a small knowledge base): decideFusion decides alone. */
const MIN_VECTOR_CANDIDATES = 10;

/** Standard deviation of the vector candidates' cosines, or null with too few candidates to say. */
export function cosineSpread(vectorHits: readonly VectorCandidate[]): number | null {
  const cosines = vectorHits.map((hit) => hit.score).filter(Number.isFinite);
  if (cosines.length < MIN_VECTOR_CANDIDATES) return null;
  const mean = cosines.reduce((sum, cosine) => sum + cosine, 0) / cosines.length;
  return Math.sqrt(cosines.reduce((sum, cosine) => sum + (cosine - mean) ** 2, 0) / cosines.length);
}

/**
 * decideFusion, then: a question whose cosines spread at least `minSpread` (the model reads it) is fused with the
 * scaled text weight and never by full text alone; feedback follows the agreement gate. `minSpread` null (the
 * default, DEFAULT_READABLE_SPREAD): decideFusion alone.
 */
export function decideQueryFusion(
  textWeight: number,
  textHits: readonly TextCandidate[],
  similarity: ReadonlyMap<string, number>,
  vectorHits: readonly VectorCandidate[],
  options: { feedbackMinAgreement?: number | null; minSpread?: number | null } = {},
): FusionDecision {
  const feedbackMinAgreement = options.feedbackMinAgreement === undefined ? FEEDBACK_MIN_AGREEMENT : options.feedbackMinAgreement;
  const decision = decideFusion(textWeight, textHits, similarity, feedbackMinAgreement);
  const minSpread = options.minSpread === undefined ? DEFAULT_READABLE_SPREAD : options.minSpread;
  if (minSpread === null || textWeight <= 0 || textWeight >= 1) return decision;
  const spread = cosineSpread(vectorHits);
  if (spread === null || spread < minSpread) return decision;
  // Fused, so feedback follows the agreement gate as for any fused question (decideFusion refuses it to a question
  // it ranks by full text alone).
  const agreement = feedbackMinAgreement === null ? null : scoreAgreement(textHits, similarity);
  return { textWeight: textWeight * READABLE_TEXT_WEIGHT_SCALE, feedback: agreement === null || agreement >= (feedbackMinAgreement ?? 0) };
}
