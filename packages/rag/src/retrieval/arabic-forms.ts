/**
 * Word forms of Arabic-script words for full-text search (word-forms.ts): Arabic glues the conjunction "و", the
 * article "ال" and prepositions before a word ("الملف", "بالملف", "وللملف") and number, gender and pronouns after it
 * ("ملفات", "ملفاتها"), so a question and a passage rarely share a word's exact spelling. Other scripts' forms differ by
 * their endings and are found by a common beginning; these differ at both ends.
 *
 * Two words are forms of one word when their light stems are equal: Light10 (Larkey, Ballesteros & Connell 2007,
 * the usual light stemmer of Arabic retrieval) on searched text, so after search folding (ة → ه, ى → ي, أ إ آ → ا):
 * "و" off when 3 letters stay, then one article ("وال", "بال", "كال", "فال", "لل", "ال") when 2 stay, then each of the
 * endings "ها", "ان", "ات", "ون", "ين", "يه" (ية), "ه" (ة), "ي" in that order when 2 stay. A stem must keep at least
 * ARABIC_MIN_STEM letters to pair words: Light10 stops at 2, and 2-letter stems conflate unrelated words.
 */

const PREFIX = "و";
const ARTICLES = ["وال", "بال", "كال", "فال", "لل", "ال"] as const;
const ENDINGS = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] as const;
/** Letters of the shortest stem that pairs two words (Arabic roots have three). */
export const ARABIC_MIN_STEM = 3;

const length = (word: string) => [...word].length;
const arabicWord = /^\p{Script=Arabic}+$/u;

/** Whether every character of the word is an Arabic-script letter or mark (Arabic, Persian, Urdu...). */
export function isArabicScript(word: string): boolean {
  return arabicWord.test(word);
}

/** Light10's stem of a searched-text word (see the module comment). */
export function arabicLightStem(word: string): string {
  let stem = word;
  if (stem.startsWith(PREFIX) && length(stem) - 1 >= 3) stem = stem.slice(PREFIX.length);
  const article = ARTICLES.find((candidate) => stem.startsWith(candidate) && length(stem) - length(candidate) >= 2);
  if (article) stem = stem.slice(article.length);
  for (const ending of ENDINGS) if (stem.endsWith(ending) && length(stem) - length(ending) >= 2) stem = stem.slice(0, -ending.length);
  return stem;
}

/** Whether two Arabic-script words are forms of one word: equal light stems of at least ARABIC_MIN_STEM letters. */
export function sameArabicForm(a: string, b: string): boolean {
  if (!isArabicScript(a) || !isArabicScript(b)) return false;
  const stem = arabicLightStem(a);
  return length(stem) >= ARABIC_MIN_STEM && stem === arabicLightStem(b);
}

const PREFIXES = ["", PREFIX].flatMap((conjunction) => ["", ...ARTICLES.filter((article) => article !== "وال")].map((article) => conjunction + article));
/** One ending, or two in the order Light10 strips them (the outer one earlier in ENDINGS): "ملف" + "ات" + "ها". */
const SUFFIXES = [
  "",
  ...ENDINGS,
  ...ENDINGS.flatMap((outer, index) => ENDINGS.slice(index + 1).map((inner) => inner + outer)),
];

/**
 * The spellings whose light stem can be the word's: its stem with every prefix (conjunction, article) and up to two
 * endings. The knowledge base's lexicon is asked for these exactly (most do not exist); sameArabicForm then keeps the
 * real forms. Empty for words that are not Arabic script or whose stem is too short to pair.
 */
export function arabicFormSpellings(word: string): string[] {
  if (!isArabicScript(word)) return [];
  const stem = arabicLightStem(word);
  if (length(stem) < ARABIC_MIN_STEM) return [];
  return PREFIXES.flatMap((prefix) => SUFFIXES.map((suffix) => prefix + stem + suffix)).filter((spelling) => spelling !== word);
}
