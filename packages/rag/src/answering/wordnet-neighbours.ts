import { dominantRelation } from "../wording/wordnet";
import type { WordNeighbour } from "./word-neighbours";

/** Words shorter than this are not matched (abbreviations and function-like words: "go", "am"). */
const MIN_WORD_LENGTH = 3;

/**
 * For each question word no source read mentions, the words of the sources read that WordNet says mean the same by
 * the most frequent sense of one of the two (dominantRelation): the same synset, or one derived from the other
 * ("elevator" ~ "lifts", "fix" ~ "repair", "kids" ~ "children", "cancel" ~ "cancellation"). English only.
 */
export function wordNetNeighbours(words: readonly string[], vocabulary: readonly string[]): Map<string, WordNeighbour[]> {
  const found = new Map<string, WordNeighbour[]>();
  for (const word of words) {
    if (word.length < MIN_WORD_LENGTH || /\p{N}/u.test(word)) continue;
    const near = vocabulary.filter((candidate) => candidate !== word && candidate.length >= MIN_WORD_LENGTH && dominantRelation(word, candidate) !== undefined);
    if (near.length > 0) found.set(word, near.map((candidate) => ({ word: candidate, similarity: 1 })));
  }
  return found;
}
