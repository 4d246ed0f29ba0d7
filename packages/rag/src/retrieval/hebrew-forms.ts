/**
 * Word forms of Hebrew words for full-text search (word-forms.ts). Hebrew, like Arabic (arabic-forms.ts), glues
 * one-letter particles before a word (ו and, ה the, ב in, ל to, מ from, ש that, כ as, and their pairs: "וה", "שב",
 * "מה", "כש"...) and number, gender and possessive endings after it ("קובץ" / "בקובץ" / "הקבצים" share little of
 * their spelling), so a common beginning finds none of those forms.
 *
 * A word's cores are what is left when at most one particle (or pair) is taken off its beginning and at most one
 * ending (plural "ים" / "ות", feminine "ה" / "ת" / "ית", "יות", construct "י") off its end, keeping at least
 * HEBREW_MIN_CORE letters, with a final letter (ך ם ן ף ץ) written as its medial form (a core is followed by an
 * ending in other forms: "קובץ" / "קובצי"). Two words are forms of one word when they share a core. Every
 * decomposition counts, not only the longest particle: a word's own first letter can be one of the particles
 * ("מחשב", computer), and its forms ("המחשב", "למחשבים") then share the core that keeps it. Written from the
 * grammar (light stemming as in Hebrew retrieval, no dictionary), not from any collection's questions; what it
 * cannot see (vowel letters that come and go: "קובץ" / "קבצים", broken patterns) stays unpaired. The rarer
 * possessive endings ("יו", "יה", "נו", "הם", "יים") and particle pairs ("וש", "של", "כש") are left out: with them a
 * question spelled twice as many forms to look up (2,377 against 1,160 on the Hebrew AppStream collection) and found
 * no more (bench/README.md, "Scripts and languages not re-measured").
 */

const PARTICLES = ["ו", "ה", "ב", "ל", "מ", "ש", "כ", "וה", "וב", "ול", "ומ", "שה", "מה"] as const;
const ENDINGS = ["ים", "ות", "יות", "ית", "ה", "ת", "י"] as const;
/** Letters of the shortest core that pairs two words (Hebrew roots have three). */
export const HEBREW_MIN_CORE = 3;

const MEDIAL: Record<string, string> = { ך: "כ", ם: "מ", ן: "נ", ף: "פ", ץ: "צ" };
const FINAL: Record<string, string> = Object.fromEntries(Object.entries(MEDIAL).map(([final, medial]) => [medial, final]));
const hebrewWord = /^\p{Script=Hebrew}+$/u;
const letters = (word: string) => [...word];

/** Whether every character of the word is a Hebrew letter (searched text has no points: search-normalization.ts). */
export function isHebrewScript(word: string): boolean {
  return hebrewWord.test(word);
}

/** The word with its last letter in medial form, as it is written when an ending follows. */
function medialEnd(word: string): string {
  const chars = letters(word);
  const last = chars.at(-1);
  if (last && MEDIAL[last]) chars[chars.length - 1] = MEDIAL[last];
  return chars.join("");
}

/** The word with its last letter in final form, as it is written at the end of a word. */
function finalEnd(word: string): string {
  const chars = letters(word);
  const last = chars.at(-1);
  if (last && FINAL[last]) chars[chars.length - 1] = FINAL[last];
  return chars.join("");
}

/** Every core of the word (see the module comment), in medial spelling. */
export function hebrewCores(word: string): string[] {
  if (!isHebrewScript(word)) return [];
  const cores = new Set<string>();
  for (const particle of ["", ...PARTICLES]) {
    if (!word.startsWith(particle)) continue;
    const rest = word.slice(particle.length);
    for (const ending of ["", ...ENDINGS]) {
      if (!rest.endsWith(ending)) continue;
      const core = medialEnd(rest.slice(0, rest.length - ending.length));
      if (letters(core).length >= HEBREW_MIN_CORE) cores.add(core);
    }
  }
  return [...cores];
}

/** Whether two Hebrew words are forms of one word: they share a core. */
export function sameHebrewForm(a: string, b: string): boolean {
  if (!isHebrewScript(a) || !isHebrewScript(b)) return false;
  const cores = new Set(hebrewCores(a));
  return hebrewCores(b).some((core) => cores.has(core));
}

/**
 * The spellings that share a core with the word: each core with every particle and at most one ending (a final
 * letter in final form). The knowledge base's lexicon is asked for these exactly (most do not exist); sameHebrewForm
 * then keeps the real forms.
 */
export function hebrewFormSpellings(word: string): string[] {
  const spellings = new Set<string>();
  for (const core of hebrewCores(word)) {
    for (const particle of ["", ...PARTICLES]) for (const ending of ["", ...ENDINGS]) spellings.add(particle + finalEnd(core + ending));
  }
  spellings.delete(word);
  return [...spellings];
}
