/**
 * Where one sentence of a visitor's message ends and the next begins: after "?" or "!", or after a full stop that
 * ends a lower-case word of three letters or more ("I'm new to the area. do you …"), so "Dr. Ferrer", "St. Mary's"
 * and "e.g. X" are not taken for sentence ends.
 */
export const SENTENCE_BREAK = /(?<=[?!]|\p{Ll}{3}\.)\s+(?=\S)/u;

/**
 * The sentence of a message that asks: the last one ending in a question mark, else the last one ("We just moved
 * here. My son needs a check-up. do you take new patients" → the last; "do you treat dogs? my greyhound has a bad
 * leg" → the first). A message of one sentence is itself.
 */
export function askingSentence(message: string): string {
  const sentences = message.trim().split(new RegExp(SENTENCE_BREAK.source, "gu"));
  const asking = sentences.filter((sentence) => /[?？]\s*$/u.test(sentence));
  return (asking.at(-1) ?? sentences.at(-1) ?? "").trim();
}

/** The clause that asks: the last clause of the asking sentence ("My car failed, do I pay for the retest?" → "do I pay for the retest?"). */
export function askingClause(message: string): string {
  return askingSentence(message).split(/[,;:]/u).at(-1)!;
}
