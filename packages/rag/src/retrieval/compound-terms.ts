import { tokenize } from "./bm25";
import { questionSearchText } from "./identifier-parts";
import { normalizeSearchText } from "./search-normalization";
import { stopwords } from "./stopwords";

/**
 * Joined compounds (FullTextSearchInput.compounds): two or three adjacent words of the question written as one
 * word, as technical text often writes them ("read line" → "readline", "key board" → "keyboard", "user name" →
 * "username", "ip v6" → "ipv6"). Each joined form is one more query term of its own class, with its own IDF and
 * COMPOUND_WEIGHT as its weight; it is searched only where the knowledge base holds it (a join no chunk holds has
 * document frequency 0 and scores nothing), and it adds to the score but not to coverage, nor to the question's term
 * count. Function words are left out before joining ("read a line" also gives "readline").
 *
 * The joins come from the question's text in JavaScript, so the SQL scorer and the in-memory index search the same
 * ones. Measured in memory and end to end in bench/README.md ("Joined compounds").
 */
export const COMPOUND_WEIGHT = 0.5;

/** See FullTextSearchInput.compounds. */
export const DEFAULT_COMPOUNDS = true;

/** Words joined at most (pairs and triples). */
const LONGEST_RUN = 3;
/** Longer joins are no word anyone writes (and keep the statement's term list short). */
const MAX_COMPOUND_LENGTH = 32;

// Folded as query-terms.ts' stopwordList is (imported from there, the two modules would import each other).
const stop = new Set([...stopwords].map(normalizeSearchText));

/**
 * The question's adjacent content words joined in twos and threes, leaving out joins that are themselves a word of
 * the question; in the order they occur, each once.
 */
export function compoundTerms(query: string): string[] {
  const words = tokenize(normalizeSearchText(questionSearchText(query))).filter((word) => !stop.has(word));
  const typed = new Set(words);
  const joined = new Set<string>();
  for (let at = 0; at < words.length; at += 1) {
    for (let size = 2; size <= LONGEST_RUN && at + size <= words.length; size += 1) {
      const compound = words.slice(at, at + size).join("");
      if ([...compound].length <= MAX_COMPOUND_LENGTH && !typed.has(compound)) joined.add(compound);
    }
  }
  return [...joined];
}
