/**
 * Breaks the sentence segmenter (ICU, Intl.Segmenter) makes where no sentence ends, in languages whose numbers and
 * abbreviations carry a full stop: German ordinals ("vom 27. Dezember bis zum 6. Januar", "im 2. Stock") and
 * abbreviations of single letters ("z. B.", "u. a."). ICU reads each "27." as a sentence's end.
 */

/** A month's name, as German and the Nordic languages write it after an ordinal day ("6. Januar", "1. maj"). */
const monthAfterOrdinal =
  /^(?:januar|jänner|februar|märz|marts|mars|april|mai|maj|juni|juli|august|september|oktober|november|dezember|december|desember)(?!\p{L})/iu;
/** An ordinal after the word that governs it: "am 3.", "vom 27.", "im 2.", "der 5.", "bis 31.". */
const governedOrdinal = /(?<!\p{L})(?:am|im|vom|zum|bis|ab|seit|der|die|das|den|dem|des|jeden|jede|jedes)\s+\d{1,3}\.\s*$/iu;
/** A break right after one letter and its full stop ("z.", "B."): an abbreviation or an initial, not a sentence. */
const singleLetterAbbreviation = /(?<![\p{L}\p{N}])\p{L}\.\s*$/u;
/** The next part opens in lower case: no sentence of a Latin-script language does. */
const opensLowerCase = /^\p{Ll}/u;

/** The segments again, each false break joined to the segment before it. */
export function joinFalseBreaks(segments: readonly string[]): string[] {
  const joined: string[] = [];
  for (const segment of segments) {
    const previous = joined.at(-1);
    const falseBreak =
      previous !== undefined &&
      ((/\d\.\s*$/u.test(previous) && monthAfterOrdinal.test(segment.trimStart())) ||
        governedOrdinal.test(previous) ||
        singleLetterAbbreviation.test(previous) ||
        opensLowerCase.test(segment.trimStart()));
    if (falseBreak) joined[joined.length - 1] = previous + segment;
    else joined.push(segment);
  }
  return joined;
}
