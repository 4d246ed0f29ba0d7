import { withHeadingTwice } from "./heading-weight";
import { splitIdentifiers } from "./identifier-parts";

/**
 * Character folding applied to chunk text (the generated `chunk.fts` column, via the SQL function
 * `frontdesk_search_text`, migration 20261122050000_search_text_normalization) and to every full-text query,
 * so that "informacion" finds "información" and Arabic matches with or without tashkeel. PostgreSQL's
 * `unaccent` is not available on embedded PGlite, so the folding is a plain, IMMUTABLE `translate()` whose
 * table is spelled out here and checked against the database function by a test.
 *
 * Latin letters with diacritics fold to their base letter; Arabic alef variants (أ إ آ ٱ) fold to ا,
 * alef maqsura ى to ي and teh marbuta ة to ه (the usual Arabic IR normalisation, Larkey et al. 2002);
 * tashkeel (U+064B–U+0652), the superscript alef (U+0670) and tatweel (U+0640) are removed. Scripts nobody had
 * tested before issue 13's DEP-11 collections (migration 20261206003000_search_text_more_scripts): Persian yeh and
 * keheh fold to Arabic yeh and kaf, Arabic-Indic and Persian digits to 0–9, Russian "ё" to "е", Greek vowels with
 * tonos or dialytika to the base vowel and the final sigma to "σ", and Hebrew points are removed. The BM25
 * baseline's tokenizer (NFKD without combining marks) already matched most of these; the index did not.
 *
 * Punctuation that joins words into one token of PostgreSQL's default parser (host names and dotted names like
 * "os.path.join", paths, e-mail addresses, "file-like", "RFC-4217", "v2.0") becomes a space, so full text splits
 * text into runs of letters and digits the way the BM25 baseline does, and "path" finds "os.path.join"
 * (migration 20261203101000_search_text_word_splitting; bench/README.md has what it changed). "<", ">" and "&"
 * become spaces too: the parser reads "<word>" as an XML tag and "&name;" as an entity and indexes neither, so
 * placeholders like "<filename>" and addresses like "<info@clinic.example>" lost their words
 * (20261205113000_search_text_angle_brackets).
 *
 * Chinese, Japanese and Korean are written without spaces between words (or, in Korean, with particles glued to
 * them), so a whole phrase would be one token. Text holding CJK letters is cut into overlapping character bigrams
 * ("一覧表示" → "一覧 覧表 表示"), as Lucene's CJK analyzer does, and CJK punctuation becomes a space (migration
 * 20261205061500_search_text_cjk_bigrams). A query then matches the chunks that share its bigrams, and BM25 weighs
 * each by its IDF, with no dictionary.
 */
const folds: Array<[from: string, to: string]> = [
  ["àáâãäåāÀÁÂÃÄÅĀ", "a"],
  ["çćčÇĆČ", "c"],
  ["èéêëēÈÉÊËĒ", "e"],
  ["ìíîïīÌÍÎÏĪ", "i"],
  ["ñńÑŃ", "n"],
  ["òóôõöøōÒÓÔÕÖØŌ", "o"],
  ["ùúûüūÙÚÛÜŪ", "u"],
  ["ýÿÝŸ", "y"],
  ["šśŠŚ", "s"],
  ["žźżŽŹŻ", "z"],
  ["أإآٱ", "ا"],
  ["ى", "ي"],
  ["ة", "ه"],
  // Persian yeh and keheh are Arabic yeh and kaf to a reader; keyboards and writers mix them
  // (migration 20261206003000_search_text_more_scripts, like every fold below).
  ["ی", "ي"],
  ["ک", "ك"],
  // Russian "ё" is written "е" in most text ("ещё" / "еще"); the BM25 baseline's NFKD folds it too.
  ["ёЁ", "е"],
  // Greek: the tonos and dialytika move between forms of a word ("όνομα" / "ονόματα"), and the final sigma is a
  // sigma ("αρχείος" ~ "αρχείου" share "αρχειο"); uppercase letters with tonos fold to the lowercase base letter.
  ["άΆ", "α"],
  ["έΈ", "ε"],
  ["ήΉ", "η"],
  ["ίΊϊΪΐ", "ι"],
  ["όΌ", "ο"],
  ["ύΎϋΫΰ", "υ"],
  ["ώΏ", "ω"],
  ["ς", "σ"],
  // Arabic-Indic and Persian digits are the digits a visitor types as 0-9 ("١٠" / "۱۰" / "10").
  ...[..."0123456789"].map((digit, value): [string, string] => [String.fromCodePoint(0x0660 + value, 0x06f0 + value), digit]),
  ["./_-:@\\+~<>&", " "],
];

/**
 * Removed characters: Arabic tashkeel, superscript alef, tatweel, and the combining Latin accents of decomposed
 * (NFD) text, so "informacio\u0301n" folds like "información" without a (non-immutable) normalize() call.
 */
const removed =
  "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640" +
  "\u0300\u0301\u0302\u0303\u0304\u0308\u030A\u030C\u0327" +
  hebrewPoints();

/**
 * Hebrew cantillation marks and vowel points (niqqud, U+0591–U+05C7): most Hebrew is written without them, so a
 * pointed word must match its unpointed spelling. Maqaf (U+05BE, a hyphen), paseq, sof pasuq and nun hafukha are
 * punctuation, not points, and stay.
 */
function hebrewPoints(): string {
  const punctuation = new Set([0x05be, 0x05c0, 0x05c3, 0x05c6]);
  let points = "";
  for (let code = 0x0591; code <= 0x05c7; code += 1) if (!punctuation.has(code)) points += String.fromCodePoint(code);
  return points;
}

/** `translate(text, FOLD_FROM, FOLD_TO)`: characters of FOLD_FROM past FOLD_TO's length are deleted. */
export const FOLD_FROM = folds.map(([from]) => from).join("") + removed;
export const FOLD_TO = folds.map(([from, to]) => to.repeat([...from].length)).join("");

const foldMap = new Map<string, string>();
{
  const from = [...FOLD_FROM];
  const to = [...FOLD_TO];
  from.forEach((char, index) => foldMap.set(char, to[index] ?? ""));
}

/**
 * Letters of scripts written without spaces between words, as a regular-expression class body that means the same
 * to JavaScript and to PostgreSQL (BMP code points only): Hangul Jamo, 々〆〇, Hiragana, Katakana (without the
 * middle dot ・), Hangul compatibility Jamo, Katakana extensions, CJK ideographs (extension A, unified,
 * compatibility), Hangul syllables, halfwidth Katakana.
 */
export const CJK_LETTERS = String.raw`\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f`;
/** CJK punctuation, the ideographic space and fullwidth punctuation: spaces in text that holds CJK letters. */
export const CJK_PUNCTUATION = String.raw`\u3000-\u3004\u3008-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65`;

const cjkLetter = new RegExp(`[${CJK_LETTERS}]`, "u");
const cjkPunctuation = new RegExp(`[${CJK_PUNCTUATION}]`, "gu");
const cjkOrOtherRuns = new RegExp(`[${CJK_LETTERS}]+|[^${CJK_LETTERS}]+`, "gu");

/**
 * Runs of CJK letters become their overlapping bigrams (a single letter stays), every run joined to the next by a
 * space: the twin of SQL `frontdesk_cjk_bigrams`.
 */
function cjkBigrams(text: string): string {
  const runs = text.replace(cjkPunctuation, " ").match(cjkOrOtherRuns) ?? [];
  return runs
    .map((run) => {
      const chars = [...run];
      if (chars.length < 2 || !cjkLetter.test(chars[0]!)) return run;
      return chars.slice(0, -1).map((char, index) => char + chars[index + 1]).join(" ");
    })
    .join(" ");
}

/**
 * The JavaScript twin of SQL `frontdesk_search_text`: folds diacritics and Arabic letter variants, splits joined
 * words, adds the parts of camelCase identifiers (identifier-parts.ts), and cuts CJK text into bigrams; a
 * heading line counts twice (heading-weight.ts).
 */
export function normalizeSearchText(text: string): string {
  let folded = "";
  for (const char of withHeadingTwice(text)) folded += foldMap.get(char) ?? char;
  const out = splitIdentifiers(folded);
  return cjkLetter.test(out) ? cjkBigrams(out) : out;
}
