import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { embedQueryCached } from "../embeddings/query-vector-cache";
import { tokenize } from "../retrieval/bm25";
import { cosineSimilarity } from "./sentence-vectors";

/**
 * A word carries the question when taking it out moves the question this far in meaning (1 − cosine). With
 * use-lite-512: "gym" in "Is there a gym at the hotel?" 0.29, "kids" in "do kids stay for free?" 0.30, "rent" in
 * "Can I rent a van from you?" 0.15; not "anyone" in "Does anyone there speak Arabic?" (0.08), "stairs" in "Is
 * there a lift? My mum can't manage stairs" (0.13) nor "pick" in "Will you pick my car up from home?" (0.05).
 */
export const CARRYING_WORD_SHIFT = 0.14;

/**
 * The question with every occurrence of a word taken out, whatever its case and accents: the words of the question
 * are folded as tokenize folds them ("Haarverlängerungen" is the term "haarverlangerungen"), or an accented word would
 * never be found and would weigh nothing.
 */
export function withoutWord(question: string, word: string): string {
  return question
    .replace(/[\p{L}\p{N}\p{M}]+/gu, (token) => (tokenize(token).join(" ") === word ? " " : token))
    .replace(/\s+/gu, " ")
    .trim();
}

/** A word of the question: how far the question moves in meaning without it, and the vector of what is left. */
export interface WordWeight {
  /** 1 − cosine of the question's vector and the vector of the question without the word. */
  shift: number;
  /** The question without the word, embedded; null when nothing of it was left or the word was not found. */
  rest: number[] | null;
}

/**
 * How far the question's meaning moves when each word is taken out (the question's own vector comes from the
 * query cache retrieval filled; the others are embedded in parallel and cached too). A word the question does not
 * hold in that form (another spelling after normalization) moves nothing: 0; a one-word question rests all on it: 1.
 */
export async function weighWords(embeddings: EmbeddingsInterface, question: string, words: readonly string[]): Promise<Map<string, WordWeight>> {
  const questionVector = await embedQueryCached(embeddings, question);
  const weights = await Promise.all(
    words.map(async (word): Promise<[string, WordWeight]> => {
      const rest = withoutWord(question, word);
      if (!/[\p{L}\p{N}]/u.test(rest)) return [word, { shift: 1, rest: null }];
      if (rest === question.replace(/\s+/gu, " ").trim()) return [word, { shift: 0, rest: null }];
      const vector = await embedQueryCached(embeddings, rest);
      return [word, { shift: 1 - cosineSimilarity(questionVector, vector), rest: vector }];
    }),
  );
  return new Map(weights);
}

/**
 * How far the question moves in meaning without all of the words at once (1 − cosine): words that name one thing
 * together ("shuttle bus", "second hand") each move it little alone, since the other still carries the meaning.
 * Equal to the single word's shift for one word; 0 when nothing was taken out, 1 when nothing is left.
 */
export async function weighWordsTogether(embeddings: EmbeddingsInterface, question: string, words: readonly string[]): Promise<number> {
  const rest = words.reduce((text, word) => withoutWord(text, word), question);
  if (!/[\p{L}\p{N}]/u.test(rest)) return 1;
  if (rest === question.replace(/\s+/gu, " ").trim()) return 0;
  const [questionVector, vector] = await Promise.all([embedQueryCached(embeddings, question), embedQueryCached(embeddings, rest)]);
  return 1 - cosineSimilarity(questionVector, vector);
}
