import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { embedQueryCached } from "../embeddings/query-vector-cache";
import { cosineSimilarity } from "./sentence-vectors";

/**
 * A word carries the question when taking it out moves the question this far in meaning (1 − cosine). With
 * use-lite-512: "gym" in "Is there a gym at the hotel?" 0.29, "kids" in "do kids stay for free?" 0.30, "rent" in
 * "Can I rent a van from you?" 0.15; not "anyone" in "Does anyone there speak Arabic?" (0.08), "stairs" in "Is
 * there a lift? My mum can't manage stairs" (0.13) nor "pick" in "Will you pick my car up from home?" (0.05).
 */
export const CARRYING_WORD_SHIFT = 0.14;

/** The question with every occurrence of a word taken out, whatever its case. */
export function withoutWord(question: string, word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  return question.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), " ").replace(/\s+/gu, " ").trim();
}

/**
 * How far the question's meaning moves when each word is taken out (1 − cosine of the two questions' vectors;
 * the question's own vector comes from the query cache retrieval filled). A word the question does not hold in
 * that form (another spelling after normalization) moves nothing: 0; a one-word question rests all on it: 1.
 */
export async function meaningShifts(embeddings: EmbeddingsInterface, question: string, words: readonly string[]): Promise<Map<string, number>> {
  const questionVector = await embedQueryCached(embeddings, question);
  const shifts = await Promise.all(
    words.map(async (word) => {
      const rest = withoutWord(question, word);
      if (!/[\p{L}\p{N}]/u.test(rest)) return [word, 1] as const;
      if (rest === question.replace(/\s+/gu, " ").trim()) return [word, 0] as const;
      return [word, 1 - cosineSimilarity(questionVector, await embedQueryCached(embeddings, rest))] as const;
    }),
  );
  return new Map(shifts);
}
