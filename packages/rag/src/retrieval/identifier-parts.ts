/**
 * Identifiers written in camelCase or PascalCase ("getElementById", "HTTPServer", "WhatsApp") keep their joined
 * word and gain their parts right after it ("getElementById get Element By Id"), so "element by id" finds the
 * identifier and "getelementbyid" still finds it whole (issue 13: +0.018 nDCG@10 on docstrings, +0.012 on Debian
 * descriptions in memory, bench/README.md). snake_case and dotted names need nothing here: the folding already
 * turns "_" and "." into spaces.
 *
 * The twin of SQL `frontdesk_split_identifiers` (migration 20261206033000_search_text_identifier_parts), so both
 * work on runs of ASCII letters and digits only: PostgreSQL's regular expressions compare ranges by code point,
 * and identifiers are ASCII. A run is split where a lowercase letter or digit meets an uppercase letter
 * ("utf8Decode" → utf8 Decode), and before the last capital of a capital run followed by two lowercase letters
 * ("HTTPServer" → HTTP Server); a plural "s" after capitals is not a word ("PDFs", "FAQs" and "URLs" stay whole).
 *
 * Documents only: a question is searched as `questionSearchText` gives it, its identifiers whole. The joined word the
 * documents keep matches a typed identifier, and its parts as question terms would count the identifier's words a
 * second time (in memory, info manuals lost 0.004 nDCG@10 that way: "GnuPG" also searched "gnu").
 */
const identifier = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z][a-z]/;
const runs = /[A-Za-z0-9]+/g;

function parts(run: string): string {
  return run.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z][a-z])/g, "$1 $2");
}

/** The text with every camelCase run followed by its parts; text without one is returned as it is. */
export function splitIdentifiers(text: string): string {
  if (!identifier.test(text)) return text;
  return text.replace(runs, (run) => (identifier.test(run) ? `${run} ${parts(run)}` : run));
}

/**
 * A question as full-text search parses it: ASCII capitals lowercased, which is all that stops
 * `frontdesk_search_text` from adding an identifier's parts (the 'simple' parser lowercases every word anyway), and
 * on one line, so that no line of it counts twice as a heading (heading-weight.ts).
 */
export function questionSearchText(query: string): string {
  return query.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase()).replace(/[\r\n]+/g, " ");
}
