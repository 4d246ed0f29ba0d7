import { stopwordList } from "./query-terms";

/**
 * Lone Latin letters are stop words (stopwords.ts): "a" and "I" written as words say nothing, and a letter standing
 * alone ("System V", "plan B") matches every chunk holding a list, a variable or an initial. A letter joined to the
 * rest of its token by punctuation is another matter: "I/O", "S/MIME", "C++", "B::Deparse", the option "-n", "x-axis".
 * The writer made it part of a name, and the index splits it off as a word of its own (the search text turns these
 * characters into spaces), so dropping it loses the name's most telling part: "I/O" searched nothing at all.
 * Such letters are searched like any word (letter-parts-study.ts, in memory, BM25 at the document level, nDCG@10:
 * man pages +0.003, Debian descriptions +0.003, GNU info +0.002, Perl POD +0.006, docstrings and Russian man pages
 * ±0, Cranfield −0.0002, German man pages +0.002; end to end in bench/README.md, issue 13).
 *
 * Joining characters are those the search text folds to a space (search-normalization.ts), "+" of "C++" among them;
 * an apostrophe is not one ("don't", "O'Reilly": their "t" and "o" stay stop words).
 */
const JOINERS = String.raw`./_\-:@+~&\\`;
const joinedLetter = new RegExp(String.raw`(?<=[${JOINERS}])[a-z](?![a-z0-9])|(?<![a-z0-9])[a-z](?=[${JOINERS}][^\s])|(?<![a-z0-9])[a-z](?=\+\+)`, "giu");
const latinLetter = /^[a-z]$/;

/** The lone Latin letters (lowercase) that are joined by punctuation to the rest of a token of the question. */
export function joinedLetters(query: string): Set<string> {
  const letters = new Set<string>();
  for (const match of query.matchAll(joinedLetter)) {
    const letter = match[0].toLowerCase();
    if (latinLetter.test(letter)) letters.add(letter);
  }
  return letters;
}

/** The stop words to drop from this question's terms: every stop word but the letters it joins to a name. */
export function questionStopwords(query: string): string[] {
  const joined = joinedLetters(query);
  return joined.size === 0 ? stopwordList : stopwordList.filter((word) => !joined.has(word));
}
