import { loadedWordVectors, type WordVectors } from "../wording/word-vectors";
import { siblingKinds, wordNetBaseForms, wordNetStatus } from "../wording/wordnet";
import type { WordNeighbour } from "./word-neighbours";

/**
 * GloVe cosine at and above which a source word may stand for a question word no source says (see relatedNeighbours):
 * "toilet" ~ "restroom" 0.68, "laptop" ~ "computer" 0.70, "hire" ~ "rent" 0.52.
 */
export const RELATED_COSINE = 0.55;
/** Candidates kept per question word: the nearest, and others within this much of it. */
const RELATED_MARGIN = 0.05;
const MIN_WORD_LENGTH = 3;
/** Each word of a pair must be among the other's MUTUAL_NEAREST nearest words of the 100,000 kept. */
export const MUTUAL_NEAREST = 10;
/**
 * The most frequent words (by GloVe's corpus order) are general ("wants", "company", "pay", "offer") and come near
 * everything: neither side of a pair may be one of them ("wants" ~ "agrees" 0.82).
 */
export const GENERAL_WORDS = 1_000;

const kthOf = new Map<string, number>();
const KTH_KEPT = 5_000;

/** How close a word's MUTUAL_NEAREST-th nearest word comes (worked out once per word: ~20 ms over 100,000 words). */
function kthNearest(vectors: WordVectors, word: string): number {
  let kth = kthOf.get(word);
  if (kth === undefined) {
    const row = vectors.indexOf(word);
    kth = row === undefined ? Infinity : vectors.kthNearest(row, MUTUAL_NEAREST);
    kthOf.set(word, kth);
    if (kthOf.size > KTH_KEPT) kthOf.delete(kthOf.keys().next().value!);
  }
  return kth;
}

/** Whether each word is among the other's nearest (MUTUAL_NEAREST): a pair that stands out from both words' neighbourhoods. */
function mutuallyNear(vectors: WordVectors, a: string, b: string, cosine: number): boolean {
  return cosine >= kthNearest(vectors, a) && cosine >= kthNearest(vectors, b);
}

/** Whether WordNet reads the word as an adjective or adverb ("cheap", "early", "closed"). */
function describes(word: string): boolean {
  return wordNetBaseForms(word).some((form) => form.pos === "adj" || form.pos === "adv");
}

/**
 * Why two related words are not one thing said two ways, or undefined when nothing says so: GloVe puts kinds of one
 * thing ("horse" ~ "dog" 0.71, "tea" ~ "coffee" 0.77, "monday" ~ "tuesday") and opposites ("cheap" ~ "expensive" 0.78,
 * "early" ~ "late" 0.91) as near as synonyms. WordNet tells the kinds (siblingKinds: two kinds of a shared kind) and
 * keeps out words both of which describe (adjectives, adverbs: where opposites are); a word WordNet does not know
 * (a name, a brand) is no match either.
 */
export function notTheSame(asked: string, said: string): string | undefined {
  if (wordNetBaseForms(asked).length === 0 || wordNetBaseForms(said).length === 0) return "unknown to WordNet";
  if (describes(asked) && describes(said)) return "both describe";
  const partsOf = (word: string) => new Set(wordNetBaseForms(word).map((form) => form.pos));
  const askedParts = partsOf(asked);
  if (![...partsOf(said)].some((part) => askedParts.has(part))) return "no shared part of speech";
  if (siblingKinds(asked, said)) return "sibling kinds";
  return undefined;
}

/**
 * For each question word (no source read says it, nor a WordNet neighbour of it), the words of the sources read that
 * GloVe relates to it closely (RELATED_COSINE; the nearest and those within RELATED_MARGIN of it) and WordNet does not
 * tell apart (notTheSame). English only; empty until the word vectors are in memory (warmWordVectors) and WordNet too.
 */
export function relatedNeighbours(
  words: readonly string[],
  vocabulary: readonly string[],
  vectors: WordVectors | undefined = loadedWordVectors(),
  general = GENERAL_WORDS,
): Map<string, WordNeighbour[]> {
  const found = new Map<string, WordNeighbour[]>();
  if (!vectors || !wordNetStatus().loaded) return found;
  for (const word of words) {
    const row = vectors.indexOf(word);
    if (row === undefined || row < general || word.length < MIN_WORD_LENGTH || /\p{N}/u.test(word)) continue;
    const near = vocabulary
      .flatMap((candidate) => {
        const other = vectors.indexOf(candidate);
        if (other === undefined || other < general || candidate === word || candidate.length < MIN_WORD_LENGTH) return [];
        const similarity = vectors.cosine(row, other);
        return similarity >= RELATED_COSINE ? [{ word: candidate, similarity }] : [];
      })
      .sort((a, b) => b.similarity - a.similarity);
    const best = near[0]?.similarity ?? 0;
    const kept = near.filter(
      (neighbour) => neighbour.similarity >= best - RELATED_MARGIN && notTheSame(word, neighbour.word) === undefined && mutuallyNear(vectors, word, neighbour.word, neighbour.similarity),
    );
    if (kept.length > 0) found.set(word, kept);
  }
  return found;
}
