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
  if (sameEnds(short, long)) return true;
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

/** The first part of two compounds sharing their ends ("herren" of "herrenschnitt" and "herrenhaarschnitt"). */
const MIN_FIRST = 4;
/** Their last part, the compound's head ("schnitt"): a noun's ending alone ("-ung", "-tion") is no head. */
const MIN_HEAD = 5;
/** What the longer one adds between them ("haar"): at least a short word. */
const MIN_MIDDLE = 3;

/**
 * Two compounds of the same first and last parts, the longer one with a part between: "Herrenhaarschnitt" is the
 * "Herrenschnitt" of the price list, "Kinderhaarschnitt" its "Kinderschnitt" (the part between says what the head
 * already does). Each may end in an inflection of its own ("Herrenschnitte").
 */
function sameEnds(short: string, long: string): boolean {
  const stems = (word: string) => [word, ...endings.filter((ending) => word.endsWith(ending)).map((ending) => word.slice(0, -ending.length))];
  for (const one of stems(short)) {
    for (const other of stems(long)) {
      if (other.length < one.length + MIN_MIDDLE) continue;
      for (let first = MIN_FIRST; first <= one.length - MIN_HEAD; first += 1) {
        if (other.startsWith(one.slice(0, first)) && other.endsWith(one.slice(first))) return true;
      }
    }
  }
  return false;
}
