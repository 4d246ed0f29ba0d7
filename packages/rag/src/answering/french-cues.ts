import type { AnswerType } from "./question-type";

/**
 * French next to question-type.ts's English (and Spanish) tables and german-cues.ts: the interrogatives and cue words
 * that say what kind of fact a French question asks for, and the forms a French sentence states that fact in ("de 8h
 * à 21h", "34,00 €", "7 nuits", "route du Pô"). Visitors type French without its accents ("a quelle heure", "numero"),
 * so patterns accept both. Patterns see the question or sentence as written; type words see tokens, which are
 * lowercased and folded ("numéro" → "numero").
 */

/** Interrogatives opening a French question or clause. "combien de temps" asks for a duration, so it comes first. */
export const frenchLeadPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  ["duration", /^(?:combien de (?:temps|jours|nuits|semaines|mois|minutes|heures)|pendant combien|quelle (?:est la )?dur[ée]e)(?!\p{L})/iu],
  // "à quelle distance", "c'est loin", "combien de km": a distance; "à partir de quel âge": an age; "tous les combien",
  // "combien de fois": a frequency. Before "combien de", which counts.
  ["distance", /^(?:[àa] quelle distance|(?:c'?est|c’est|est-ce|est ce) (?:loin|[àa] combien de (?:km|kilom[èe]tres|m[èe]tres|minutes))|combien de (?:km|kilom[èe]tres|m[èe]tres)(?! carr))(?!\p{L})/iu],
  ["age", /^(?:(?:[àa] partir de|d[èe]s|jusqu'?[àa]|jusqu’[àa]) )?(?:quel [âa]ge|quel est l'[âa]ge|quel est l’[âa]ge)(?!\p{L})/iu],
  ["frequency", /^(?:tous les combien|[àa] quelle fr[ée]quence|combien de fois)(?!\p{L})/iu],
  ["quantity", /^combien (?:de|d')(?!\p{L})/iu],
  // "combien coûte…", "c'est combien", "c combien pour…", "le prix de…": money, unless counting ("combien de …").
  ["price", /^(?:combien(?! (?:de|d')(?!\p{L}))|c(?:'est| est)? combien|quel(?:le)? (?:est (?:le|la) )?(?:prix|tarif|montant))(?!\p{L})/iu],
  ["time", /^(?:[àa] quelle heure|jusqu'?[àa] quelle heure|[àa] partir de quand|jusqu['’ ]?[àa] quand|depuis quand|quand|quels? (?:sont (?:les|vos) )?horaires)(?!\p{L})/iu],
  ["phone", /^(?:quel est (?:le|votre) )?(?:num[ée]ro de t[ée]l\p{L}*|t[ée]l[ée]phone)(?!\p{L})/iu],
  // "qui j'appelle", "qui dois-je appeler", "qui faut-il appeler": whom to call is a number, as English "who do I call"
  // (before "qui" asks for a person).
  ["phone", /^(?:[àa] )?qui (?:est-ce que |est ce que )?(?:j['’]|je (?:dois |peux )?|dois-je |dois je |faut-il |faut il |on (?:doit |peut )?|peut-on |peut on )?appel\p{L}*(?!\p{L})/iu],
  // "où" typed without its accent is "ou" (or): only with a verb after it.
  ["place", /^(?:où|ou (?:se|est|sont|puis|peut|trouver|garer))(?!\p{L})/iu],
  // "qui", "avec qui", "à qui dois-je m'adresser": a person (at a clause's start; inside one "qui" is a relative).
  ["person", /^(?:(?:avec|[àa]|de|par|pour|chez|aupr[èe]s de) )?qui(?!\p{L})/iu],
];

/** Cue words anywhere in a French question (see question-type.ts's questionPatterns). */
export const frenchQuestionPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  ["price", /(?<!\p{L})(?:prix|tarifs?|co[uû]te(?:nt)?|montant|combien(?! (?:de|d')(?!\p{L}))|payer|gratuite?s?|caution|acompte)(?!\p{L})/iu],
  ["duration", /(?<!\p{L})(?:combien de temps|dur[ée]e)(?!\p{L})/iu],
  // "quand" ending the question ("la commande se fait quand ?") or after "jusqu'à", "c'est" asks when; inside
  // a question it is as often "when" of a condition ("puis-je annuler quand il pleut").
  ["time", /(?<!\p{L})(?:[àa] quelle heure|horaires?|ouvrez|ouvre|fermez|ferme|ouvert\p{L}*|ferm[ée]\p{L}*|(?:jusqu['’ ]?[àa]|[àa] partir de|depuis|c['’ ]?est) quand)(?!\p{L})|(?<!\p{L})quand\s*[?!.]*\s*$/iu],
  ["phone", /(?<!\p{L})(?:num[ée]ro de t[ée]l\p{L}*|t[ée]l[ée]phone|t[ée]l|appeler)(?!\p{L})/iu],
  ["place", /(?<!\p{L})(?:adresse|où|(?:le|la|les) plus proches?)(?!\p{L})/iu],
  ["distance", /(?<!\p{L})(?:loin|distance)(?!\p{L})/iu],
  ["age", /(?<!\p{L})(?:quel [âa]ge|[âa]ge (?:minimum|maximum|limite)|trop (?:jeunes?|petits?))(?!\p{L})/iu],
  ["frequency", /(?<!\p{L})(?:tous les combien|[àa] quelle fr[ée]quence|combien de fois)(?!\p{L})/iu],
  ["quantity", /(?<!\p{L})(?:combien de (?:personnes|places|enfants|adultes|animaux|chiens|v[ée]hicules|voitures|tentes|lits|chambres)|nombre (?:de|d')|capacit[ée])(?!\p{L})/iu],
];

const frenchWeekday = "(?:lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|week-ends?|tous les jours)";
const frenchMonth = "(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)";

/** Words before a noun, never a name: "La Piscine Couverte est chauffée", "Les Pins Dorés sont…". */
const DETERMINER = "[Ll]es?|[Ll]a|[Uu]ne?|[Nn]otre|[Nn]os|[Vv]otre|[Vv]os|[Ss]on|[Ss]a|[Ss]es|[Cc]es?|[Cc]ette|[Cc]haque|[Tt]ou(?:t|te|s|tes)|[Dd]u|[Dd]es|[Aa]ux?|[Dd]e";

/** Forms in which a French sentence states each kind of fact (tried besides question-type.ts's answerPatterns). */
export const frenchAnswerPatterns: Partial<Record<AnswerType, RegExp>> = {
  price: /(?<!\p{L})(?:gratuite?s?|offerte?s?)(?!\p{L})/iu,
  // "de 8h à 21h", "16h30", "à partir de 14h", "minuit", "fermée", "du 4 avril au 27 septembre".
  time: new RegExp(`(?<![\\p{L}\\d])\\d{1,2}\\s?h(?:\\s?\\d{2})?(?![\\p{L}\\d])|(?<!\\p{L})(?:${frenchWeekday}|${frenchMonth}|minuit|midi|ferm[ée]e?s?|ouverte?s?)(?!\\p{L})`, "iu"),
  duration: /(?<!\p{L})\d+(?:[,.]\d+)?\s?(?:jours?|nuits?|semaines?|mois|ans|heures?|minutes?|min)(?!\p{L})/iu,
  place: /(?<!\p{L})(?:rue|route|avenue|chemin|boulevard|allée|impasse|lieu-dit|en face|à côté|près de)(?!\p{L})|\b\d{5}\s+\p{Lu}/iu,
  // "Marie Le Goff vous accueille", "Paul Martin s'occupe de…", "la gérante est Anne Riou", "Mme Le Bris", "géré par
  // Yann Guégan". A determiner opens no name, nor stands before one ("Le Camping est", "La Piscine Couverte est").
  person: new RegExp(
    `(?<!\\p{L}|(?:${DETERMINER})\\s|[Ll]['’])(?!(?:${DETERMINER})\\s)\\p{Lu}\\p{Ll}+(?:[\\s-]+\\p{Lu}\\p{Ll}+){1,2}\\s+(?:est|sont|vous accueille|accueille|g[èe]re|dirige|tient|anime|encadre|s'occupe|s’occupe|enseigne|donne|assure|a (?:cr[ée]{2}|fond[ée]|repris))(?!\\p{L})` +
      `|(?<!\\p{L})(?:g[ée]rante?|directeur|directrice|propri[ée]taire|responsable|animat(?:eur|rice)|moniteur|monitrice|ma[îi]tre-nageur|fondat(?:eur|rice)|patron(?:ne)?|h[ôo]te(?:sse)?|professeur|professeure|m[ée]decin)(?:\\s+\\p{Ll}+)?\\s*(?:est|,|:)\\s*\\p{Lu}\\p{Ll}+` +
      `|(?<!\\p{L})(?:M\\.|Mme|Mlle|Dr|Docteur|Madame|Monsieur)\\s+\\p{Lu}\\p{Ll}+|(?<!\\p{L})(?:par|avec)\\s+\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+` +
      // A staff list's row, "Nom: Camille Guérin; Fonction: Monitrice; …", as English "Name: …" (question-type.ts).
      `|(?<!\\p{L})(?:[Nn]om|[Pp]r[ée]nom):\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+|\\s*(?:;|$))`,
    "u",
  ),
  quantity: /(?<!\p{L})(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt)(?!\p{L})/iu,
  // "à partir de 12 ans", "dès 3 ans", "de 3 à 12 ans", "moins de 2 ans", "les mineurs", "âgés de 16 ans".
  age: /(?<!\p{L})(?:(?:[àa] partir de|d[èe]s|(?:de )?moins de|(?:de )?plus de|jusqu'?[àa]|jusqu’[àa]) \d+ ans|de \d+ [àa] \d+ ans|\d+ ans (?:et plus|r[ée]volus|minimum)|[âa]g[ée]e?s? de \d+|mineurs?|majeurs?|[âa]ge)(?!\p{L})/iu,
  // "600 mètres", "à 12 km", "5 minutes à pied", "à deux pas".
  distance: /(?<!\p{L})(?:\d+(?:[,.]\d+)?\s?(?:km|kilom[èe]tres?|m[èe]tres?|m)|(?:\d+|une|deux|trois|cinq|dix|quinze|vingt) minutes (?:[àa] pied|en voiture|[àa] v[ée]lo|de marche)|[àa] deux pas)(?!\p{L})/iu,
  frequency: /(?<!\p{L})(?:chaque|une fois|deux fois|trois fois|par (?:jour|semaine|mois|an)|tous les (?:jours|matins|soirs|deux jours)|quotidien(?:ne)?|hebdomadaire|mensuel(?:le)?|annuel(?:le)?)(?!\p{L})/iu,
};

/**
 * French words of asking that name no topic, as tokens (lowercased, folded), beyond the package's stop words (which
 * hold "avez", "avons" but no other verb, nor the "jusqu" of "jusqu'à"): "faut-il …", "peut-on …", "puis-je …", "pouvez-vous …", "dois-je …" ask
 * what must or may be done, like English "do I have to", "can I"; "je voudrais", "j'aimerais" want, "svp", "bonjour",
 * "merci" only soften the question. Words English also writes ("possible", "comment") are left out.
 */
export const frenchAskingWords: ReadonlySet<string> = new Set(
  "jusqu faut peut peux puis pouvez pouvons peuvent dois doit devons devez doivent voudrais voudrions aimerais aimerions souhaite souhaiterais svp bonjour merci".split(" "),
);

/** French question words that only name the kind of fact (tokens: lowercased, diacritics folded). */
export const frenchTypeWords: Partial<Record<AnswerType, RegExp>> = {
  price: /^(?:prix|tarif|tarifs|coute|coutent|cout|combien|montant|payer|gratuit|gratuite)$/u,
  duration: /^(?:temps|duree)$/u,
  frequency: /^(?:souvent|frequence|fois)$/u,
  time: /^(?:heure|heures|jours|horaire|horaires|quand|ouvrez|ouvre|fermez|ferme|ouvert|ouverte)$/u,
  person: /^(?:qui|adresser)$/u,
  place: /^(?:ou|adresse|trouve|situe)$/u,
  phone: /^(?:numero|telephone|tel|appeler|appelle)$/u,
  quantity: /^(?:combien|nombre)$/u,
  age: /^(?:age)$/u,
  distance: /^(?:loin|distance|km)$/u,
};

/**
 * The nouns French makes of a verb's stem, and the verb's infinitives and persons, folded: "sécher" ~ "séchage",
 * "réserver" ~ "réservation", "rembourser" ~ "remboursement", "visiter" ~ "visiteurs" (a visitor asks with the verb
 * what the documents name with the noun, and the other way round). A pair holds a noun ending, or two verb endings
 * other than "-e(s)": folded, "-é" is "-e", and "charge" ~ "charger", "handle" ~ "handler" are no pair of English
 * (nor of extractive answers: a charger is not charging). Answering only; search's endings are word-endings.ts'.
 */
const fold = (ending: string) => ending.normalize("NFKD").replace(/\p{M}+/gu, "");
const FRENCH_NOUN_ENDINGS: ReadonlySet<string> = new Set("age ages ation ations ement ements eur eurs euse euses ure ures".split(" "));
const FRENCH_VERB_ENDINGS: ReadonlySet<string> = new Set("er ir re e es ent ez ons é ée és ées ant".split(" ").map(fold));
/** Nouns a short verb stem makes ("lav|er" ~ "lav|age", "lav|erie"): only these, after an infinitive. */
const FRENCH_NOUNS_OF_SHORT_STEMS: ReadonlySet<string> = new Set(["age", "ages", "ation", "ations", "ement", "ements", "erie", "eries"]);
/** As sameSpanishVerb's: English words differ by these endings too, and a stem of five letters keeps that rare. */
const FRENCH_VERB_STEM = 5;

const isFrenchEnding = (ending: string) => FRENCH_NOUN_ENDINGS.has(ending) || FRENCH_VERB_ENDINGS.has(ending);
const isPresentPerson = (ending: string) => ending === "e" || ending === "es";

/** Whether two folded words are forms of one French verb or the verb and its noun (see FRENCH_NOUN_ENDINGS). */
export function sameFrenchVerb(a: string, b: string): boolean {
  let common = 0;
  const shorter = Math.min(a.length, b.length);
  while (common < shorter && a[common] === b[common]) common += 1;
  // The shared part may end in the endings' first letters ("visite|s" ~ "visite|urs", "lav|er" ~ "lav|erie"): give
  // up to two back so both endings are whole.
  for (let stem = common; stem >= 3 && stem >= common - 2; stem -= 1) {
    const [one, other] = [a.slice(stem), b.slice(stem)];
    const noun = FRENCH_NOUN_ENDINGS.has(one) || FRENCH_NOUN_ENDINGS.has(other);
    if (stem >= FRENCH_VERB_STEM && isFrenchEnding(one) && isFrenchEnding(other) && (noun || (!isPresentPerson(one) && !isPresentPerson(other)))) return true;
    if (nounOfShortStem(a, one, other) || nounOfShortStem(b, other, one)) return true;
  }
  return false;
}

/** "laver" ~ "lavage", "laverie": an infinitive in -er and a noun its stem makes, for stems of 3 letters and more. */
function nounOfShortStem(verb: string, verbEnding: string, nounEnding: string): boolean {
  return verb.length >= 5 && verbEnding === "er" && FRENCH_NOUNS_OF_SHORT_STEMS.has(nounEnding);
}

/**
 * A French yes/no question, as visitors ask it: "est-ce qu'on peut …", "est ce que …", "y a(-t-il) …", "il y a …",
 * "on peut …", "c'est possible de …", "y a moyen de …", an inverted verb ("peut-on …", "avez-vous …", "louez-vous
 * …", "mon fils peut-il …") or "vous"/"on" and a verb ("vous acceptez …", "on a le droit de …"). A clause holding an
 * interrogative ("vous ouvrez à partir de quand", "c'est quoi l'adresse", "on part à quelle heure") asks for it.
 */
export const frenchYesNo =
  /^(?:(?:et|alors|du coup|sinon|aussi) )?(?:est[- ]ce (?:que|qu['’])|y a|il y a|y['’] ?a|on |vous |c['’ ]?est possible|est-il possible|serait-il possible|y a moyen|(?:\p{L}+ )?\p{L}+-(?:vous|on|il|elle|ils|elles|je|nous|t-il|t-elle|t-on)(?!\p{L}))/iu;
const frenchInterrogative = /(?<!\p{L})(?:quand|o[uù](?= (?:se|est|sont|puis|peut|trouver|garer|[àa]))|combien|comment|pourquoi|quel(?:le)?s?|qui|quoi|lequel|laquelle)(?!\p{L})/iu;

/** Whether a French clause asks yes or no (frenchYesNo, with no interrogative in it). */
export function isFrenchYesNo(clause: string): boolean {
  return frenchYesNo.test(clause) && !frenchInterrogative.test(clause);
}
