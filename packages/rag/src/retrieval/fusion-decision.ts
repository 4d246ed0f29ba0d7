import type { TextCandidate } from "./types";
import { adaptiveTextWeight, scoreAgreement } from "./vector-agreement";

/**
 * Below this agreement between the first pass's BM25 and cosine scores (vector-agreement.ts), the query keeps its
 * own words: no pseudo-relevance feedback. Feedback's documents are the best of the first fused ranking; they are
 * only worth borrowing words from when both searches point at the same chunks. Where the vectors follow full text
 * only loosely (the English-only local model half reading Russian), the fused top 3 drifts and RM3 pulls in its
 * words. Measured per query end to end (bench/README.md, issue 13): Russian man pages 0.707 → 0.711 nDCG@10 at
 * 0.15 (BM25 0.711), Cranfield −0.0005; at 0.2 Russian reaches 0.713 but Cranfield loses 0.005, where feedback
 * pays on ad-hoc questions whose vectors agree only moderately.
 */
export const FEEDBACK_MIN_AGREEMENT = 0.15;

/**
 * Questions with fewer terms than this (function words out; fullTextSearch's queryTerms) are searched without
 * pseudo-relevance feedback. A short question usually names one thing (a page, a command, a fact) whose chunk the
 * first pass already ranks with its own words; RM3 then adds the top chunks' other words and drifts towards their
 * neighbours. Long questions describe a topic, which several chunks answer in words the question lacks: there
 * feedback pays. Measured per query end to end (bench/README.md, "Word forms by default, feedback for long
 * questions"). null: feedback at every length.
 */
export const FEEDBACK_MIN_TERMS: number | null = 6;

/** Whether a question of `queryTerms` terms is long enough for feedback (FEEDBACK_MIN_TERMS). */
export function longEnoughForFeedback(queryTerms: number, minTerms: number | null = FEEDBACK_MIN_TERMS): boolean {
  return minTerms === null || queryTerms >= minTerms;
}

export interface FusionDecision {
  /** The text weight to fuse this query with (1: full text alone). */
  textWeight: number;
  /** Whether pseudo-relevance feedback may run for this query. */
  feedback: boolean;
}

/**
 * Per-query fusion decision from the first pass alone (no extra search): how much to lean on full text
 * (adaptiveTextWeight) and whether feedback may run. With too few candidates to measure agreement (a small knowledge
 * base, or a question whose words are mostly absent), the configured weight and feedback hold, as before.
 */
export function decideFusion(
  textWeight: number,
  textHits: readonly TextCandidate[],
  similarity: ReadonlyMap<string, number>,
  feedbackMinAgreement: number | null = FEEDBACK_MIN_AGREEMENT,
): FusionDecision {
  const queryTextWeight = adaptiveTextWeight(textWeight, textHits, similarity);
  // Leaning on full text alone: there is no ranking both sides agree on to take feedback documents from, and
  // feedback from full text alone drifted off the one right answer of known-item questions.
  if (queryTextWeight === 1 && textWeight < 1) return { textWeight: 1, feedback: false };
  if (feedbackMinAgreement === null || textWeight <= 0 || textWeight >= 1) return { textWeight: queryTextWeight, feedback: true };
  const agreement = scoreAgreement(textHits, similarity);
  return { textWeight: queryTextWeight, feedback: agreement === null || agreement >= feedbackMinAgreement };
}
