/**
 * Forms of one noun that no ending list pairs, in French and German (answering only; search's endings are
 * word-endings.ts'): the French plurals that change the word's end ("animaux" ~ "animal", "travaux" ~ "travail",
 * "bateaux" ~ "bateau") and German feminine nouns ("Hündin" ~ "Hund", "Kundinnen" ~ "Kunde", "Studentin" ~
 * "Studenten"). A visitor asks about "les animaux" where the price list says "Animal", or brings "meine Hündin" where
 * the FAQ welcomes "Hunde". Words are folded (lowercase, no diacritics).
 */

/** French plurals in "-aux" and their singulars' ends. */
const FRENCH_AUX_SINGULARS = ["al", "ail"] as const;
/** The singulars' ends a French plural adds "x" to ("bateau|x", "cheveu|x", "bijou|x"). */
const FRENCH_X_PLURAL = /(?:au|eu|ou)$/u;
/** The German feminine endings, plural first. */
const GERMAN_FEMININE = ["innen", "in"] as const;
/** The masculine noun's own endings beside its bare stem ("Hund|e", "Kunde|n", "Student|en"); not English "-s". */
const GERMAN_NOUN_ENDINGS = new Set(["", "e", "en", "n", "er", "es"]);
/** The stems must be this long: "jeux" ~ "jeu" and "login" ~ "log" are too short to be sure. */
const MIN_STEM = 4;

/** Whether two folded words are forms of one noun by a French "-aux"/"-x" plural or a German feminine "-in(nen)". */
export function sameNounForm(a: string, b: string): boolean {
  return oneWay(a, b) || oneWay(b, a);
}

function oneWay(plural: string, other: string): boolean {
  if (plural.endsWith("aux")) {
    const stem = plural.slice(0, -3);
    if (stem.length >= MIN_STEM - 1 && FRENCH_AUX_SINGULARS.some((end) => other === stem + end)) return true;
  }
  if (plural.endsWith("x") && plural.length > MIN_STEM && FRENCH_X_PLURAL.test(other) && plural === `${other}x`) return true;
  for (const feminine of GERMAN_FEMININE) {
    if (!plural.endsWith(feminine)) continue;
    const stem = plural.slice(0, -feminine.length);
    if (stem.length < MIN_STEM || !other.startsWith(stem)) continue;
    return GERMAN_NOUN_ENDINGS.has(other.slice(stem.length));
  }
  return false;
}
