import { commonRelation, dominantRelation, senseCount, type WordNetRelation } from "../wording/wordnet";
import type { WordNeighbour } from "./word-neighbours";

/** Words shorter than this are not matched (abbreviations and function-like words: "go", "am"). */
const MIN_WORD_LENGTH = 3;

/**
 * For each question word no source read mentions, the words of the sources read that WordNet says mean the same by
 * the most frequent sense of one of the two (dominantRelation): the same synset, or one derived from the other
 * ("elevator" ~ "lifts", "fix" ~ "repair", "kids" ~ "children", "cancel" ~ "cancellation"). English only.
 */
export function wordNetNeighbours(
  words: readonly string[],
  vocabulary: readonly string[],
  relation: (a: string, b: string) => WordNetRelation | undefined = dominantRelation,
): Map<string, WordNeighbour[]> {
  const found = new Map<string, WordNeighbour[]>();
  for (const word of words) {
    if (word.length < MIN_WORD_LENGTH || /\p{N}/u.test(word)) continue;
    const near = vocabulary.filter((candidate) => candidate !== word && candidate.length >= MIN_WORD_LENGTH && relation(word, candidate) !== undefined);
    if (near.length > 0) found.set(word, near.map((candidate) => ({ word: candidate, similarity: 1 })));
  }
  return found;
}

/**
 * A word with at most this many WordNet senses (every part of speech) is matched by any sense readers meet (see
 * commonRelation): "castrate" (4), "rent" (8), "travel" (9). Words of many senses ("home" 17, "come" 26, "take" 44)
 * then match nearly anything ("home" ~ "family", "coming" ~ "follow", "taken" ~ "lead"). 9 and 12 gave the same answers
 * on the dev sets.
 */
export const FEW_SENSES = 10;

/**
 * wordNetNeighbours by commonRelation (any sense readers meet, not only the most frequent), for the words of few senses
 * (FEW_SENSES): "how much to rent a mat" over "Mat hire: £2" (rent's 1st sense is hire's 2nd), "cost of castrating a
 * big dog" over "Dog neuter 20 kg and over". English only.
 */
export function commonWordNetNeighbours(words: readonly string[], vocabulary: readonly string[]): Map<string, WordNeighbour[]> {
  return wordNetNeighbours(
    words.filter((word) => senseCount(word) <= FEW_SENSES),
    vocabulary,
    commonRelation,
  );
}
