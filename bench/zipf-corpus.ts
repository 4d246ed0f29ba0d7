import { stopwords } from "../packages/rag/src/retrieval/stopwords";
import { seededRandom, type Random } from "./synthetic-prose";

/**
 * Text whose word frequencies look like a real business's documents: words drawn from a Zipf distribution
 * (frequency ∝ 1 / rank^s, s = 1) over a vocabulary of made-up words, so a few words occur in nearly every chunk
 * and most occur in a handful, as in natural text (after function words, which the search drops anyway).
 */
export interface ZipfCorpus {
  /** The vocabulary, most frequent first. */
  words: readonly string[];
  /** A word drawn from the Zipf distribution. */
  draw(random: Random): string;
  /** A chunk of 150–400 words in sentences of 8–20 words. */
  chunk(random: Random): string;
  /**
   * A question of 3–8 Zipf words; about half of them also hold one rare word (rank in the vocabulary's tail),
   * like a name or a product code.
   */
  query(random: Random): string;
}

export const ZIPF_VOCABULARY = 60_000;
export const ZIPF_EXPONENT = 1;
/** Ranks from here on count as rare for queries (each occurs in a few chunks per 10k). */
const RARE_FROM = 5_000;

export function zipfCorpus(size = ZIPF_VOCABULARY, exponent = ZIPF_EXPONENT, seed = 1): ZipfCorpus {
  const words = makeVocabulary(size, seededRandom(seed));
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  const draw = (random: Random): string => {
    const target = random() * total;
    let [low, high] = [0, size - 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
  const sentence = (random: Random, length: number): string => {
    const parts = Array.from({ length }, () => draw(random));
    parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
    return `${parts.join(" ")}.`;
  };
  return {
    words,
    draw,
    chunk(random) {
      let remaining = 150 + Math.floor(random() * 251);
      const sentences: string[] = [];
      while (remaining > 0) {
        const length = Math.min(remaining, 8 + Math.floor(random() * 13));
        sentences.push(sentence(random, length));
        remaining -= length;
      }
      return sentences.join(" ");
    },
    query(random) {
      const parts = Array.from({ length: 3 + Math.floor(random() * 6) }, () => draw(random));
      if (random() < 0.5) parts[Math.floor(random() * parts.length)] = words[RARE_FROM + Math.floor(random() * (size - RARE_FROM))]!;
      return `${parts.join(" ")}?`;
    },
  };
}

const onsets = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"];
const vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const codas = ["", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rk"];

/** `size` distinct pronounceable made-up words of 1–3 syllables (at least 3 letters, no stop word of any language). */
function makeVocabulary(size: number, random: Random): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  const syllable = () => `${onsets[Math.floor(random() * onsets.length)]}${vowels[Math.floor(random() * vowels.length)]}${codas[Math.floor(random() * codas.length)]}`;
  while (words.length < size) {
    const syllables = 1 + Math.floor(random() * 3);
    const word = Array.from({ length: syllables }, syllable).join("");
    if (word.length < 3 || seen.has(word) || stopwords.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  // As in real language, the most frequent words are the short ones.
  return words.sort((a, b) => a.length - b.length);
}
