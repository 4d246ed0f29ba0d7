/**
 * Compounds written as one word: German (and Dutch, Scandinavian) glue nouns together, so a visitor asks for a
 * "Studentenrabatt" where the salon writes "Rabatt für Studierende", or about the "Ansatz" where the price list says
 * "Ansatzfarbe". Two tokens (lowercased, diacritics folded) are taken as sharing a word when the longer one opens or
 * ends with the shorter one, or with the shorter one less an inflection ending ("farben" → "farbe" in
 * "ansatzfarbe"), or ends with it before an inflection ending of its own ("preis" in "kinderpreise"), and the rest
 * of the longer one is a word of its own (see MIN_REST).
 */

/** The shorter word must be this long: "haar" in "haarschnitt" and "park" in "parkhaus" are too short to be sure. */
const MIN_PART = 5;
/** What the longer word adds must be this long: "booking" in "rebooking" is an inflection, not a compound. */
const MIN_REST = 4;
/** Inflection endings taken off the shorter word before looking for it inside the longer one ("farben" → "farbe"). */
const endings = ["en", "er", "n", "e", "s"] as const;

/** Whether one token is a part of the other written as one compound word ("rabatt" ~ "studentenrabatt"). */
export function isCompoundPart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_PART || long.length < short.length + MIN_REST) return false;
  if (long.startsWith(short) || long.endsWith(short)) return true;
  return endings.some((ending) => {
    // The compound inflected: "kinderpreise" ends with "preis" less its plural's "e".
    if (long.endsWith(ending) && long.length - ending.length >= short.length + MIN_REST && long.slice(0, -ending.length).endsWith(short)) return true;
    if (!short.endsWith(ending)) return false;
    const stem = short.slice(0, -ending.length);
    return stem.length >= MIN_PART && (long.startsWith(stem) || long.endsWith(stem));
  });
}
