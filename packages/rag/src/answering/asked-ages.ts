import { contentTerms } from "./text-analysis";

/**
 * A person's age the visitor gives ("can my 13 yr old take a canoe out", "my son is 7", "meine Tochter ist 12", "mi
 * hijo de 10 años", "mon gamin a 5 ans"). The documents answer such a question with an age limit ("Anyone 12 or
 * over", "at least 10", "Kinder unter 14 Jahren", "menores de 12 años"), which never says the visitor's figure nor
 * "old": the age's words are the case asked about, not a thing the sources must name.
 */
const givenAge = new RegExp(
  [
    // "13 yr old", "a 6-year-old", "aged 8"
    String.raw`\b\d{1,2}\s?-?\s?(?:years?|yrs?)\s?-?\s?old\b`,
    String.raw`\baged\s+\d{1,2}\b`,
    // "my son is 7", "meine Tochter ist 12", "mi hija tiene 7 años", "mon fils a 8 ans"
    // (the figure ends its clause, or "years" follows it: not "is 10 people too many")
    String.raw`\b(?:is|ist|tiene|a)\s+\d{1,2}(?:\s+(?:years?|yrs?|jahre|años|anos|ans)(?:\s+(?:old|alt))?\b|(?=\s*(?:[,.;!?]|$)))`,
    // "mi hijo de 10 años", "un enfant de 5 ans", "mein 9-jähriger Sohn"
    String.raw`\bde\s+\d{1,2}\s+(?:años|anos|ans)\b`,
    String.raw`\b\d{1,2}\s?-?\s?jährig\p{L}*`,
  ].join("|"),
  "giu",
);

/** An age limit in a sentence: "12 or over", "under 16", "at least 10", "ab 14", "unter 14 Jahren", "dès 4 ans". */
const ageLimit =
  /\b\d{1,2}\s*(?:\+|or (?:over|older|above|under|younger)|and (?:over|older|above|under)|years?|yrs?|jahre\p{L}*|años|anos|ans)(?!\p{L})|\b(?:under|over|aged|at least|between|ab|unter|über|bis|moins de|plus de|dès|menores de|mayores de|a partir de)\s+\d{1,2}\b/iu;

/** The terms of the ages a question gives (empty when it gives none). */
export function givenAgeTerms(question: string): string[] {
  return [...question.matchAll(givenAge)].flatMap((match) => contentTerms(match[0]));
}

/** Whether a sentence states an age limit. */
export function statesAgeLimit(text: string): boolean {
  return ageLimit.test(text);
}
