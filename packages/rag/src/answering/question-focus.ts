import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { embedQueriesCached, embedQueryCached } from "../embeddings/query-vector-cache";
import { answerTokens } from "../retrieval/bm25";
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
    .replace(/[\p{L}\p{N}\p{M}]+/gu, (token) => (answerTokens(token).join(" ") === word ? " " : token))
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
  await embedQueriesCached(embeddings, [question, ...wordlessQuestions(question, words)]);
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

/**
 * weighWords and, for more than one word, weighWordsTogether, with every text they embed sent to the model in one
 * call (embedQueriesCached: one message to the local model's thread, one run per token count, each vector the same
 * as embedded alone), where each text was a model run of its own.
 */
export async function weighWordsAloneAndTogether(
  embeddings: EmbeddingsInterface,
  question: string,
  words: readonly string[],
): Promise<{ weights: Map<string, WordWeight>; together: number | undefined }> {
  const together = words.length > 1 ? words.reduce((text, word) => withoutWord(text, word), question) : undefined;
  await embedQueriesCached(embeddings, [question, ...wordlessQuestions(question, words), ...(together !== undefined && embedsRest(question, together) ? [together] : [])]);
  const [weights, togetherShift] = await Promise.all([
    weighWords(embeddings, question, words),
    words.length > 1 ? weighWordsTogether(embeddings, question, words) : Promise.resolve(undefined),
  ]);
  return { weights, together: togetherShift };
}

/** The question without each word, for the words whose removal leaves something else (what weighWords embeds). */
function wordlessQuestions(question: string, words: readonly string[]): string[] {
  return words.map((word) => withoutWord(question, word)).filter((rest) => embedsRest(question, rest));
}

/** Whether weighing embeds `rest`: something is left of the question, and not all of it. */
function embedsRest(question: string, rest: string): boolean {
  return /[\p{L}\p{N}]/u.test(rest) && rest !== question.replace(/\s+/gu, " ").trim();
}
