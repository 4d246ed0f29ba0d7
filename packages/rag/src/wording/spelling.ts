import { questionLanguage, type ReplyLanguage } from "../answering/question-language";
import { stopwords } from "../retrieval/stopwords";
import { normalizeSearchText } from "../retrieval/search-normalization";
import { sameWordForm } from "../retrieval/word-endings";
import { COMMON_WORDS } from "./common-words";
import { isEnglishWord } from "./english-words";
import { isWordOfLanguage } from "./language-words";

/**
 * Typos in a visitor's question corrected against the knowledge base's own vocabulary ("apointment" →
 * "appointment", "satruday" → "saturday"): the words the full-text index holds, with the number of chunks holding
 * each. Only a word the knowledge base does not hold in any form is corrected — a word it holds is never changed,
 * whatever it looks like — and only into a word it holds that is one slip away: a letter dropped, doubled or added,
 * two letters swapped, or a key next to the right one on a QWERTY keyboard (so "massage" is never "message": a and
 * e are not neighbours), or into another form of such a word ("celaned" → "cleaned" where the knowledge base holds
 * "cleaning"). Words of 8 letters or more may have two slips, of any kind. Of several, one slip beats a slip to a
 * form, which beats two slips, then the word more chunks hold wins. Words of 4 letters are only corrected for a
 * letter they dropped ("ntes" → "notes"; any other slip of a 4-letter word is too often another word), shorter ones
 * never, and neither is a word of English (english-words.ts: "flooding" is no slip of "flooring"). Besides the
 * knowledge base's words, general words visitors ask with count (common-words.ts). A name (a
 * capital inside the sentence: "Rinnai", "Delaware") the knowledge base lacks is no typo, so it takes one slip only.
 * A correction into another form of a held word gives a word no document writes: it is made only when that form is a
 * word of English in an English question ("cleaned", "visits"), never a made-up one ("número" → "numbero" after
 * "number", "cerca" → "cercan" after "cercano").
 *
 * A question in another language (questionLanguage: the language replies are written in) is corrected against the
 * knowledge base's words alone: not the general English words, not the English word list (its words are not
 * words of the question's language), no 4-letter word (without a word list of the language, a short word one
 * letter from a held one is too often a word of its own: "mois" is no slip of "moins"), one slip only, and none
 * in a word's first letter nor, but two letters swapped or one doubled, in its last two (slipInside: another word,
 * another ending). A word of the question's language is no typo where a list of that language's words is at hand
 * (language-words.ts: French and Spanish, "s'il pleut" is no slip of "peut").
 */
export const MIN_LETTERS = 5;
/** Words of 4 letters are corrected only for a dropped letter ("ntes" → "notes"): other slips of them make words. */
export const DROPPED_LETTER_MIN = 4;
/** Words this long may be two slips from the word meant. */
export const TWO_SLIPS_LETTERS = 8;
/** Characters of a word's beginning that a two-slip candidate shares (knowledge_base_term_prefix_idx's length). */
export const PREFIX_LETTERS = 4;

/** A word of the knowledge base's full-text index with the number of chunks holding it. */
export interface VocabularyTerm {
  lexeme: string;
  df: number;
}

/** Reads the knowledge base's words among `exact`, and those beginning with one of `prefixes` (see vocabularyNear). */
export type VocabularyLookup = (exact: readonly string[], prefixes: readonly string[]) => Promise<VocabularyTerm[]>;

export interface SpellingCorrection {
  from: string;
  to: string;
}

/** QWERTY neighbours of each letter: a slipped key lands on one of them. */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  q: "wa", w: "qeas", e: "wrsd", r: "etdf", t: "ryfg", y: "tugh", u: "yihj", i: "uojk", o: "ipkl", p: "ol",
  a: "qwsz", s: "awedzx", d: "serfxc", f: "drtgcv", g: "ftyhvb", h: "gyujbn", j: "huiknm", k: "jiolm", l: "kop",
  z: "asx", x: "zsdc", c: "xdfv", v: "cfgb", b: "vghn", n: "bhjm", m: "njk",
};
const LATIN = [..."abcdefghijklmnopqrstuvwxyz"];

/** The words one slip away from `word` (code points; see the module's comment). */
export function oneSlipAway(word: string): Set<string> {
  const letters = [...word];
  const alphabet = [...new Set([...LATIN, ...letters])];
  const found = new Set<string>();
  for (let at = 0; at <= letters.length; at += 1) {
    const head = letters.slice(0, at).join("");
    const tail = letters.slice(at).join("");
    // The visitor dropped a letter here: the word meant has one more.
    for (const letter of alphabet) found.add(head + letter + tail);
    if (at === letters.length) continue;
    const rest = letters.slice(at + 1).join("");
    // The visitor typed an extra (doubled or slipped) letter: the word meant has one less.
    found.add(head + rest);
    // Swapped with the next letter.
    if (at + 1 < letters.length) found.add(head + letters[at + 1] + letters[at] + letters.slice(at + 2).join(""));
    // A neighbouring key instead of the right one.
    for (const near of NEIGHBOURS[letters[at]!] ?? "") found.add(head + near + rest);
  }
  found.delete(word);
  return found;
}

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), up to `limit` + 1. */
export function slipDistance(a: string, b: string, limit = 2): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return Math.min(rows[x.length]![y.length]!, limit + 1);
}

/** A word of the question as the index would hold it: diacritics folded, lower case. */
const indexed = (word: string) => normalizeSearchText(word).toLowerCase();

/** Whether a typed word may be corrected: long enough, letters only, no function word. */
export function mayBeMisspelt(word: string): boolean {
  const lexeme = indexed(word);
  return [...lexeme].length >= DROPPED_LETTER_MIN && /^\p{L}+$/u.test(lexeme) && !stopwords.has(lexeme);
}

/**
 * The word of the vocabulary `word` (as indexed) was meant to be, or null: null when the vocabulary holds the word
 * or another form of it, or no word is near enough. `near` holds the vocabulary's words one slip away and those
 * sharing the word's beginning (more may be there; others are ignored).
 */
export function correctWord(word: string, near: readonly VocabularyTerm[], options: { name?: boolean; english?: boolean; language?: ReplyLanguage } = {}): string | null {
  const lexeme = indexed(word);
  const english = options.english ?? true;
  if (near.some((term) => term.lexeme === lexeme || sameWordForm(lexeme, term.lexeme))) return null;
  const length = [...lexeme].length;
  if (!english && length < MIN_LETTERS) return null;
  // A 4-letter word: only the word with the letter it dropped, one longer. A last letter too many is a slip only
  // when doubled ("basedd"): otherwise it is an ending ("kommt" is no slip of "komm").
  const lastTooMany = (slip: string) => [...slip].length === length - 1 && lexeme.startsWith(slip) && !/(\p{L})\1$/u.test(lexeme);
  const slips = new Set([...oneSlipAway(lexeme)].filter((slip) => !lastTooMany(slip) && (length >= MIN_LETTERS || [...slip].length === length + 1)));
  const slipsByPrefix = groupByPrefix(slips);
  // Two slips only in English: a long word of another language is two letters from another form of itself too often
  // ("8-jährigen" → "jahren").
  const twoAllowed = length >= TWO_SLIPS_LETTERS && !options.name && english;
  const found: { best?: { to: string; df: number; distance: number } } = {};
  const forms: Array<{ slip: string; df: number; distance: number }> = [];
  const consider = (to: string, df: number, distance: number) => {
    if (!english && !slipInside(lexeme, to)) return;
    const best = found.best;
    const better = !best || distance < best.distance || (distance === best.distance && (df > best.df || (df === best.df && to < best.to)));
    if (better) found.best = { to, df, distance };
  };
  for (const term of near) {
    if (stopwords.has(term.lexeme) || /\p{N}/u.test(term.lexeme)) continue;
    if (slips.has(term.lexeme)) consider(term.lexeme, term.df, 1);
    else if (twoAllowed && slipDistance(lexeme, term.lexeme) <= 2) consider(term.lexeme, term.df, 2);
    // One slip from another form of a word the knowledge base holds ("celaned" → "cleaned", which it holds as
    // "cleaning"): corrected to that form, which full-text search and answers match by its ending.
    // The slip must be in the part of the word the held word spells, not in its ending ("kommt" is no slip of
    // "kommy", a form of "komm"), unless it is a doubled last letter ("visitss" → "visits" for "visit"); of several
    // such forms, the one nearest the word held.
    // Only in English, and only into a word of English: any other form is one no document writes ("numbero").
    const stem = [...term.lexeme].length;
    for (const slip of length >= MIN_LETTERS && english ? (slipsByPrefix.get(prefixOf(term.lexeme)) ?? []) : []) {
      const inStem = [...slip].slice(0, stem).join("") !== [...lexeme].slice(0, stem).join("") || (/(\p{L})\1$/u.test(lexeme) && lexeme.startsWith(slip));
      if (inStem && /^\p{L}+$/u.test(slip) && sameWordForm(slip, term.lexeme)) forms.push({ slip, df: term.df, distance: 1.5 + slipDistance(slip, term.lexeme, 8) / 100 });
    }
  }
  // Read after the slips, so the word list is only loaded when a form would beat every slip found.
  for (const form of forms) {
    if (found.best && found.best.distance < form.distance) continue;
    if (isEnglishWord(form.slip)) consider(form.slip, form.df, form.distance);
  }
  // A word of English the knowledge base lacks is still a word ("flooding" near "flooring"): only read when a
  // correction was found, so a question without typos never loads the list.
  if (found.best && english && isEnglishWord(lexeme)) return null;
  // So is a word of the question's language, where a list of its words is at hand ("s'il pleut" near "peut").
  if (found.best && !english && options.language !== undefined && isWordOfLanguage(options.language, lexeme)) return null;
  return found.best?.to ?? null;
}

/**
 * Whether `to` may be what `typed` was meant to be in a language with no word list here: two letters swapped or one
 * doubled anywhere past the first letter ("plaeg" → "plage", "betragg" → "betrag"); a letter dropped, added or
 * replaced only before the last two letters ("horaros" → "horarios"), or in last two letters that hold no vowel
 * where the word meant has one ("absagrn" → "absagen": no ending). In the first letter such a slip makes another
 * word ("aprobar" / "probar"), in the last two another ending of it ("trouve" / "trouver", "acceptez" / "acceptes",
 * "lleva" / "llega"), too often for a typo.
 */
export function slipInside(typed: string, to: string): boolean {
  const a = [...typed];
  const b = [...to];
  if (a[0] !== b[0]) return false;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared += 1;
  const swapped = a.length === b.length && a[shared] === b[shared + 1] && a[shared + 1] === b[shared] && a.slice(shared + 2).join("") === b.slice(shared + 2).join("");
  const doubled = a.length === b.length + 1 && shared > 0 && a[shared] === a[shared - 1] && a.slice(shared + 1).join("") === b.slice(shared).join("");
  // An ending keeps a vowel: "absagrn", "kostdt", "prochw" end in no ending of "absagen", "kostet", "proche".
  const vowel = /[aeiouy]/u;
  const noEnding = !vowel.test(a.slice(-ENDING_LETTERS).join("")) && vowel.test(b.slice(-ENDING_LETTERS).join(""));
  return swapped || doubled || noEnding || a.length - shared > ENDING_LETTERS || b.length - shared > ENDING_LETTERS;
}
/** The letters of a word's end a slip in makes another ending of it (see slipInside). */
const ENDING_LETTERS = 2;

const prefixOf = (word: string) => [...word].slice(0, PREFIX_LETTERS).join("");

function groupByPrefix(words: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const prefix = prefixOf(word);
    groups.set(prefix, [...(groups.get(prefix) ?? []), word]);
  }
  return groups;
}

/**
 * The beginnings (PREFIX_LETTERS characters) to read the vocabulary by for `lexeme`: its own, for its other forms
 * and words two slips away, and those of the words one slip away, for their forms.
 */
export function prefixesFor(lexeme: string, slips: Iterable<string>): string[] {
  return [...new Set([prefixOf(lexeme), ...[...slips].map(prefixOf)])].filter((prefix) => [...prefix].length === PREFIX_LETTERS);
}

/** Letters-only runs of a text with where they start. */
const WORDS = /[\p{L}\p{M}]+/gu;

/** A word starting with a capital that does not open a sentence, or in capitals: a name or an acronym. */
function isName(text: string, at: number, word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  return !/(?:^|[.!?]\s*)$/u.test(text.slice(0, at).trimEnd()) || /^\p{Lu}{2,}$/u.test(word);
}

/**
 * The question with each word the knowledge base lacks replaced by the word of the knowledge base it was meant to
 * be (correctWord), in one vocabulary lookup. The question comes back unchanged when nothing is corrected.
 */
export async function correctSpelling(question: string, lookup: VocabularyLookup): Promise<{ question: string; corrections: SpellingCorrection[] }> {
  const words = [...question.matchAll(WORDS)].filter((match) => mayBeMisspelt(match[0]));
  if (words.length === 0) return { question, corrections: [] };
  const lexemes = [...new Set(words.map((match) => indexed(match[0])))];
  const slips = new Map(lexemes.map((lexeme) => [lexeme, oneSlipAway(lexeme)]));
  // A word of PREFIX_LETTERS or more begins with one of `prefixes` (prefixesFor), so the prefix lookup reads it: only
  // shorter ones (a letter dropped from a 4-letter word) are looked up by their spelling. Sending every slip (~250 a
  // word) made this the chat path's costliest read, for the same rows.
  const exact = [...new Set([...lexemes, ...[...slips.values()].flatMap((set) => [...set])])].filter((word) => [...word].length < PREFIX_LETTERS);
  const prefixes = [...new Set(lexemes.flatMap((lexeme) => prefixesFor(lexeme, slips.get(lexeme)!)))];
  const found = await lookup(exact, prefixes);
  const language = questionLanguage(question);
  const english = language === "en";
  const vocabulary = english ? [...found, ...COMMON_WORDS.filter((common) => !found.some((term) => term.lexeme === common.lexeme))] : found;
  const corrections: SpellingCorrection[] = [];
  let corrected = question;
  for (const match of [...words].reverse()) {
    const lexeme = indexed(match[0]);
    const mine = new Set(prefixesFor(lexeme, slips.get(lexeme)!));
    const near = vocabulary.filter((term) => term.lexeme === lexeme || slips.get(lexeme)!.has(term.lexeme) || mine.has(prefixOf(term.lexeme)));
    const to = correctWord(match[0], near, { name: isName(question, match.index, match[0]), english, language });
    if (to === null) continue;
    corrections.unshift({ from: match[0], to });
    corrected = corrected.slice(0, match.index) + to + corrected.slice(match.index + match[0].length);
  }
  return { question: corrected, corrections };
}
