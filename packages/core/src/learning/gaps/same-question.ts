import { contentWords, cosineSimilarity } from "@frontdesk/rag";

/** Similarity at which two questions are the same on meaning alone. */
export const SAME_MEANING = 0.8;
/** Similarity at which two questions that share a content word are the same. */
export const SAME_MEANING_SHARED_WORD = 0.5;
/** Words this long or longer match on their first letters ("parking" ~ "park" does not; "sundays" ~ "sunday" does). */
const PREFIX = 5;

const sameWord = (a: string, b: string) => a === b || (a.length >= PREFIX && b.length >= PREFIX && a.slice(0, PREFIX) === b.slice(0, PREFIX)) || (a.length >= 4 && b.startsWith(a)) || (b.length >= 4 && a.startsWith(b));

function shareWord(a: string, b: string): boolean {
  const left = contentWords(a);
  const right = contentWords(b);
  return left.some((word) => right.some((other) => sameWord(word, other)));
}

/**
 * Whether two unanswered questions ask the same thing: close in the embedding model's space, or fairly close and
 * sharing a content word. Small sentence models put unrelated questions of the same form ("Is there …?") close
 * together, so closeness alone must be high; a shared word confirms a looser match.
 */
export function sameQuestion(a: { text: string; vector: readonly number[] }, b: { text: string; vector: readonly number[] }): { same: boolean; similarity: number } {
  if (a.vector.length === 0 || a.vector.length !== b.vector.length) return { same: false, similarity: 0 };
  const similarity = cosineSimilarity(a.vector, b.vector);
  const same = similarity >= SAME_MEANING || (similarity >= SAME_MEANING_SHARED_WORD && shareWord(a.text, b.text));
  return { same, similarity };
}
