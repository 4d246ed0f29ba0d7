import { commonRelation, dominantRelation, senseCount, wordNetBaseForms, type WordNetRelation } from "../wording/wordnet";
import type { WordNeighbour } from "./word-neighbours";
import { withContext, type AnswerUnit } from "./answer-units";
import { contentTerms } from "./text-analysis";
import { tokenize } from "../retrieval/bm25";
import { rememberedByText } from "../remembered";

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
  phrases: Phrases = new Map(),
): Map<string, WordNeighbour[]> {
  const found = new Map<string, WordNeighbour[]>();
  for (const word of words) {
    if (word.length < MIN_WORD_LENGTH || /\p{N}/u.test(word)) continue;
    const near = vocabulary.filter((candidate) => candidate !== word && candidate.length >= MIN_WORD_LENGTH && relation(word, candidate) !== undefined);
    // "tidy" ~ "clean up": a phrase WordNet lists as one lemma stands for its content words in the sentences saying it.
    for (const [lemma, said] of phrases) {
      if (said.includes(word) || relation(word, lemma) === undefined) continue;
      for (const candidate of said) if (!near.includes(candidate)) near.push(candidate);
    }
    if (near.length > 0) found.set(word, near.map((candidate) => ({ word: candidate, similarity: 1 })));
  }
  return found;
}

/** A word and its WordNet base forms ("cleaning" → clean, "cloths" → cloth). */
function formsOf(word: string): string[] {
  return [...new Set([word, ...wordNetBaseForms(word).map((form) => form.lemma)])];
}

/** Phrases of the sources read that WordNet lists as one lemma ("clean_up"), each with its content words ("clean"). */
export type Phrases = ReadonlyMap<string, readonly string[]>;

/**
 * Two adjacent words of the sentences read that WordNet lists as one lemma, each in any of its base forms
 * ("cleaning up" → "clean_up", "drop cloths" → a lemma of "drop_cloth"), with the content words of the two (a lemma of function
 * words only, "at least", is left out): what a visitor's single word may stand for ("tidy" ~ "clean up").
 */
export function phrasesOf(units: readonly AnswerUnit[]): Map<string, readonly string[]> {
  const phrases = new Map<string, readonly string[]>();
  for (const text of new Set(units.map(withContext))) for (const [lemma, said] of phrasesOfText(text)) if (!phrases.has(lemma)) phrases.set(lemma, said);
  return phrases;
}

/** Texts whose phrases are kept: the sentences read recur from question to question over one knowledge base. */
const PHRASES_KEPT = 4_000;

const phrasesOfText = rememberedByText(PHRASES_KEPT, (text: string): ReadonlyArray<readonly [string, readonly string[]]> => {
  const phrases: Array<readonly [string, readonly string[]]> = [];
  const tokens = tokenize(text);
  for (let at = 1; at < tokens.length; at += 1) {
    const [first, second] = [tokens[at - 1]!, tokens[at]!];
    if (first.length < 2 || second.length < 2 || /\p{N}/u.test(first + second)) continue;
    const lemma = formsOf(first)
      .flatMap((base) => formsOf(second).map((last) => `${base}_${last}`))
      .find((candidate) => senseCount(candidate) > 0);
    const said = lemma ? contentTerms(`${first} ${second}`) : [];
    if (lemma && said.length > 0) phrases.push([lemma, said]);
  }
  return phrases;
});

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
export function commonWordNetNeighbours(words: readonly string[], vocabulary: readonly string[], phrases: Phrases = new Map()): Map<string, WordNeighbour[]> {
  return wordNetNeighbours(
    words.filter((word) => senseCount(word) <= FEW_SENSES),
    vocabulary,
    commonRelation,
    phrases,
  );
}
