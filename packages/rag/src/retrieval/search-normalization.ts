/**
 * Character folding applied to chunk text (the generated `chunk.fts` column, via the SQL function
 * `frontdesk_search_text`, migration 20261122050000_search_text_normalization) and to every full-text query,
 * so that "informacion" finds "información" and Arabic matches with or without tashkeel. PostgreSQL's
 * `unaccent` is not available on embedded PGlite, so the folding is a plain, IMMUTABLE `translate()` whose
 * table is spelled out here and checked against the database function by a test.
 *
 * Latin letters with diacritics fold to their base letter; Arabic alef variants (أ إ آ ٱ) fold to ا,
 * alef maqsura ى to ي and teh marbuta ة to ه (the usual Arabic IR normalisation, Larkey et al. 2002);
 * tashkeel (U+064B–U+0652), the superscript alef (U+0670) and tatweel (U+0640) are removed.
 *
 * Punctuation that joins words into one token of PostgreSQL's default parser (host names and dotted names like
 * "os.path.join", paths, e-mail addresses, "file-like", "RFC-4217", "v2.0") becomes a space, so full text splits
 * text into runs of letters and digits the way the BM25 baseline does, and "path" finds "os.path.join"
 * (migration 20261203101000_search_text_word_splitting; bench/README.md has what it changed).
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
  ["./_-:@\\+~", " "],
];

/**
 * Removed characters: Arabic tashkeel, superscript alef, tatweel, and the combining Latin accents of decomposed
 * (NFD) text, so "informacio\u0301n" folds like "información" without a (non-immutable) normalize() call.
 */
const removed =
  "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640" +
  "\u0300\u0301\u0302\u0303\u0304\u0308\u030A\u030C\u0327";

/** `translate(text, FOLD_FROM, FOLD_TO)`: characters of FOLD_FROM past FOLD_TO's length are deleted. */
export const FOLD_FROM = folds.map(([from]) => from).join("") + removed;
export const FOLD_TO = folds.map(([from, to]) => to.repeat([...from].length)).join("");

const foldMap = new Map<string, string>();
{
  const from = [...FOLD_FROM];
  const to = [...FOLD_TO];
  from.forEach((char, index) => foldMap.set(char, to[index] ?? ""));
}

/** The JavaScript twin of SQL `frontdesk_search_text`: folds diacritics and Arabic letter variants. */
export function normalizeSearchText(text: string): string {
  let out = "";
  for (const char of text) out += foldMap.get(char) ?? char;
  return out;
}
