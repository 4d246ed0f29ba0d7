import type { ScoredSentence } from "./score-sentences";
import { DEFAULT_RELEVANT_SIMILARITY, type AnswerSource } from "./types";

/** A sentence covering a third of the question's (IDF-weighted) words is on topic. */
export const MIN_SENTENCE_COVERAGE = 0.34;
/** Full-text coverage from retrieval that counts as a match on its own (same default as hybridSearch's). */
export const STRONG_TEXT_SCORE = 0.5;

/**
 * Whether a source answers the question at all: close in meaning (cosine similarity ≥ minScore), a strong
 * full-text match, or containing a sentence that covers enough of the question's words.
 */
export function isRelevant(source: AnswerSource, sentences: readonly ScoredSentence[], minScore = DEFAULT_RELEVANT_SIMILARITY): boolean {
  if (source.vectorScore != null && source.vectorScore >= minScore) return true;
  if (source.textScore != null && source.textScore >= STRONG_TEXT_SCORE) return true;
  return sentences.some((sentence) => sentence.coverage >= MIN_SENTENCE_COVERAGE);
}
