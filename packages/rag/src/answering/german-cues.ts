import { answerTokens } from "../retrieval/bm25";
import { isEnglishWord } from "../wording/english-words";
import { germanPastInfinitives, joinedGermanVerb, oneGermanVerb } from "../wording/german-verbs";
import type { AnswerType } from "./question-type";

/**
 * German next to question-type.ts's English (and Spanish) tables: the interrogatives and cue words that say what
 * kind of fact a German question asks for, and the forms a German sentence states that fact in ("9–18 Uhr",
 * "39,00 €", "drei Jahre", "montags"). Kept apart so that each language's table reads on its own; question-type.ts
 * tries these after its own. Patterns see the question or sentence as written (umlauts kept, any case); type words
 * see tokens, which are lowercased and folded ("gebühr" → "gebuhr").
 */

/** Interrogatives opening a German question or clause. "wie lange … geöffnet" asks for a time, so it comes first. */
export const germanLeadPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  ["time", /^wie lange\b.*\b(?:offen|geöffnet|auf)\b/iu],
  // "wie kurzfristig kann ich absagen": how much notice, a span of time ("wie früh" may ask for a time of day).
  ["duration", /^(?:wie lange|wie viele (?:minuten|stunden|tage|wochen|monate|jahre)|wie ?viel zeit|wie kurzfristig)(?!\p{L})/iu],
  ["price", /^(?:wie ?viel(?!e)\b|was kost|wie teuer|was (?:zahl|bezahl|verlang)|welchen? preis)/iu],
  ["frequency", /^(?:wie oft|wie häufig)\b/iu],
  ["phone", /^(?:welche (?:telefon|handy)?nummer|wen (?:kann|soll|muss) (?:ich|man|wir) anrufen)\b/iu],
  ["time", /^(?:wann|um wie ?viel uhr|bis wann|ab wann|seit wann|an welchen tagen|welche tage|zu welchen zeiten)\b/iu],
  ["person", /^(?:wer|wem|wen|an wen|bei wem|mit wem|welche[rn]? (?:friseur\p{L}*|mitarbeiter\p{L}*|ärzt\p{L}*|arzt|lehrer\p{L}*|trainer\p{L}*|therapeut\p{L}*|person))\b/iu],
  ["place", /^(?:wo|wohin|woher)\b/iu],
  // "wie alt muss mein Kind sein", "ab welchem Alter": an age; "wie weit ist es zum Bahnhof": a distance.
  ["age", /^(?:wie alt|(?:ab|bis) welchem alter|welches alter)(?!\p{L})/iu],
  ["distance", /^wie weit(?! (?:im )?voraus)(?!\p{L})/iu],
  ["quantity", /^(?:wie ?viele)\b/iu],
];

/**
 * Cue words anywhere in a German question (see question-type.ts's questionPatterns). "zahlen" alone asks how to
 * pay ("kann ich mit Karte zahlen"), not how much; "auf" ends "habt ihr montags auf" (are you open).
 */
export const germanQuestionPatterns: ReadonlyArray<[AnswerType, RegExp]> = [
  ["price", /(?<!\p{L})(?:kost(?:et|en)|preis\p{L}*|\p{L}*preis(?:e|en)?|gebühr\p{L}*|teuer\p{L}*|günstig\p{L}*|billig\p{L}*|\p{L}*rabatt\p{L}*|ermäßig\p{L}*|kostenlos|gratis|umsonst)(?!\p{L})/iu],
  ["duration", /(?<!\p{L})(?:wie lange|dauer\p{L}*)(?!\p{L})/iu],
  ["frequency", /(?<!\p{L})(?:wie oft|wie häufig)(?!\p{L})/iu],
  ["time", /(?<!\p{L})(?:uhrzeit|öffnungszeit\p{L}*|geöffnet|offen|schließ\p{L}*|wann)(?!\p{L})|(?<!\p{L})auf[?!.\s]*$/iu],
  ["phone", /(?<!\p{L})(?:\p{L}*nummer|anrufen|telefon\p{L}*|hotline)(?!\p{L})/iu],
  ["place", /(?<!\p{L})(?:adresse|anschrift|anfahrt|wegbeschreibung|wo (?:finde|befinde|lieg|ist|sind|seid)\p{L}*)(?!\p{L})/iu],
  ["age", /(?<!\p{L})(?:wie alt|welchem alter|mindestalter|altersgrenze)(?!\p{L})/iu],
  ["distance", /(?<!\p{L})(?:wie weit(?! (?:im )?voraus)|entfernung|entfernt)(?!\p{L})/iu],
  ["quantity", /(?<!\p{L})wie ?viele(?!\p{L})/iu],
];

const germanNumber = "(?:\\d+(?:[.,]\\d+)?|eine?[nmrs]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|neunzig|halbe?n?|anderthalb|einige[nr]?|wenige[nr]?)";
const germanWeekday = "(?:montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|sonnabends?|sonntags?|werktags|wochentags|wochenende|täglich|feiertags?|feiertage[n]?)";
const germanMonth = "(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)";

/** Forms in which a German sentence states each kind of fact (tried besides question-type.ts's answerPatterns). */
export const germanAnswerPatterns: Partial<Record<AnswerType, RegExp>> = {
  price: /(?<!\p{L})(?:kostenlos|kostenfrei|umsonst|gratis)(?!\p{L})/iu,
  // "9–18 Uhr", "bis 12 Uhr", "10:30 Uhr", "geschlossen", "montags", "27. Dezember".
  time: new RegExp(`\\b\\d{1,2}(?:[:.]\\d{2})?\\s?uhr\\b|(?<!\\p{L})(?:${germanWeekday}|${germanMonth}|geschlossen|geöffnet|mittags|vormittags|nachmittags|abends)(?!\\p{L})`, "iu"),
  duration: new RegExp(`(?<!\\p{L})${germanNumber}(?:\\s?(?:bis|-|–|oder)\\s?${germanNumber})?\\s(?:minuten|min\\.|stunden?|std\\.|tagen?|tage|wochen?|monaten?|monate|jahren?|jahre)(?!\\p{L})`, "iu"),
  frequency: /(?<!\p{L})(?:jede[nrms]?|täglich|wöchentlich|monatlich|jährlich|einmal|zweimal|pro (?:tag|woche|monat|jahr)|im (?:monat|jahr))(?!\p{L})/iu,
  // "Yusuf Demir ist Barbier", "Sabine Albrecht hat den Salon gegründet", "unsere Inhaberin". German writes every
  // noun with a capital, so "Der Salon ist" is two capitalised words too: a determiner never opens a name.
  person: /(?<!\p{L})(?!(?:[Dd](?:er|ie|as|en|em|es|iese[rsn]?)|[Ee]in(?:e|en|em|er)?|[Uu]nsere?|[Ii]hre?|[Jj]ede[rsn]?|[Kk]eine?|[Mm]it|[Bb]ei|[Ff]ür|[Ii]m|[Aa]m|[Vv]om|[Zz]um)\s)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+(?:ist|sind|hat|macht|leitet|kümmert|arbeitet|betreut|berät)(?!\p{L})|(?<!\p{L})(?:unser[e]?|die|der)\s+(?:inhaber\p{L}*|friseur\p{L}*|meister\p{L}*|chef\p{L}*|leiter\p{L}*|team)(?!\p{L})/u,
  // A street word alone or ending a street's name before its number ("Günterstalstraße 41"), not any compound
  // ("Waschplatz" is a basin, "Parkplätze" are spaces).
  place: /(?<!\p{L})(?:straße|strasse|platz|gasse|allee|\p{L}+(?:straße|strasse|str\.|platz|gasse|allee|weg)\s+\d+|gegenüber|neben|hinter|haltestelle|parkhaus|tiefgarage|parkplätze|eingang|etage|ecke|in der nähe)(?!\p{L})/iu,
  quantity: /(?<!\p{L})(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig)(?!\p{L})/iu,
  // "ab 16 Jahren", "Kinder unter 12 Jahren", "bis 10 Jahre", "von 3 bis 12 Jahren", "volljährig" (not "alter" alone:
  // an English verb).
  age: /(?<!\p{L})(?:(?:ab|unter|über|bis|von \d+ bis) \d+ jahr(?:e|en)?|\d+ jahre und älter|(?:kinder|jugendliche) (?:ab|unter|bis) \d+|mindestalter|altersgrenze|im alter (?:von|ab) \d+|volljährig\p{L}*|minderjährig\p{L}*)(?!\p{L})|\d+-jährig\p{L}*/iu,
  // "500 Meter", "3 km", "zehn Minuten zu Fuß", "fünf Minuten mit dem Rad", "gleich um die Ecke".
  distance: new RegExp(`(?<!\\p{L})(?:\\d+(?:[.,]\\d+)?\\s?(?:km|kilometer[n]?|meter[n]?|m)|${germanNumber} minuten (?:zu fuß|mit dem (?:auto|rad|fahrrad|bus)|mit der (?:bahn|straßenbahn))|um die ecke|fußläufig)(?!\\p{L})`, "iu"),
};

/** German question words that only name the kind of fact (tokens: lowercased, diacritics folded). */
export const germanTypeWords: Partial<Record<AnswerType, RegExp>> = {
  price: /^(?:kosten|kostet|preis|preise|gebuhr|gebuhren|teuer|gunstig|billig|zahle|zahlt|bezahle|rabatt|kostenlos|gratis|umsonst)$/u,
  duration: /^(?:lange|dauer|dauert|zeit)$/u,
  frequency: /^(?:oft|haufig)$/u,
  time: /^(?:wann|uhr|tage|tagen|uhrzeit|geoffnet|offen|offnungszeiten|schliesst|schliesen)$/u,
  person: /^(?:wer|wem|wen)$/u,
  place: /^(?:wo|adresse|anschrift|anfahrt)$/u,
  phone: /^(?:telefon|telefonnummer|nummer|handynummer|anrufen)$/u,
  quantity: /^(?:viele|anzahl)$/u,
  age: /^(?:alt|alter|mindestalter)$/u,
  distance: /^(?:weit|entfernt|entfernung)$/u,
};

/**
 * A German street address: "Günterstalstraße 41", and a street named after a person, hyphenated, its street word
 * capitalised ("Karl-Liebknecht-Straße 112", "Konrad-Adenauer-Platz 3"); "Am Markt 3" is left out (no street word).
 */
export const germanStreetAddress =
  /\p{Lu}[\p{L}-]*?(?:straße|strasse|str\.|weg|platz|gasse|allee|ring|damm|ufer|-(?:Straße|Strasse|Str\.|Weg|Platz|Gasse|Allee|Ring|Damm|Ufer))\s+\d+\s?[a-z]?(?!\p{L})/u;

/**
 * A German yes/no question opens with its verb: a modal or auxiliary ("Kann …", "Gibt es …", "Ist …"), or any verb
 * followed by its subject pronoun ("Bieten Sie …", "habt ihr …", "macht ihr …"); a W-word never opens one.
 */
export const germanYesNo =
  /^(?:(?:ist|sind|bin|hat|habt|haben|hast|gibt|gibts|kann|kannst|könnt|können|könnte|darf|darfst|dürfen|muss|musst|müssen|soll|sollte|sollen|wird|werden|nehmt|nehmen)(?!\p{L})|(?!(?:wer|wen|wem|wessen|wie|was|wann|wo|woher|wohin|womit|wozu|warum|wieso|weshalb|welche[rsmn]?|wieviele?)(?!\p{L}))\p{L}+\s+(?:ich|sie|ihr|wir|man|er)(?!\p{L}))/iu;

/**
 * German "was" (what) is English "was": "Was kostet ein Schnitt?" asks for a price, not yes or no. The clause is
 * German when a German function word follows ("ein", "ich", "ist", "es"); "was it", "was there" never hold one.
 */
export const germanWhatQuestion =
  /^was\s.*(?<!\p{L})(?:ich|ist|sind|ein|eine|einen|einem|einer|der|den|dem|des|es|sie|ihr|wir|euch|mit|für|bei|und|nicht|zu|vom|zum|auch|noch|mir|mich|wenn)(?!\p{L})/iu;

/**
 * German words of asking that name no topic, as tokens (lowercased, folded), beyond the Snowball stop words:
 * "habt ihr …", "gibt es …", "macht ihr …", "bietet ihr … an" ask whether, like English "do you have", "is there",
 * "do you do", "do you offer"; "genau", "bitte", "eigentlich", "mal" only soften the question. The persons Snowball's list
 * lacks of the verbs it lists ("sein": "wo seid ihr genau"; "können": "könnt ihr …"; "sollen": "wann sollten wir …";
 * "müssen": "müssen wir …") ask as English "are you", "can you", "should we", "must we" do, and "irgendwo",
 * "irgendwann", "irgendwie" ("kann man irgendwo parken") only leave the place, time or way open. "dürfen" and
 * "möchten", none of whose forms Snowball lists, stay words of the question ("darf ich mit meiner Katze kommen":
 * taking "darf" out left "kommen" to carry a near-topic FAQ on the dev set).
 */
export const germanAskingWords: ReadonlySet<string> = new Set(
  ("habt hast gibt gibts macht machst bietet bieten bietest genau bitte eigentlich mal gern gerne hallo danke " +
    "seid konnt kannst sollen sollst sollten solltet mussen musst " +
    "irgendwo irgendwann irgendwie").split(" "),
);

/**
 * Persons, participles and the "-ung" noun of a German verb, folded: "erstattet" ~ "Erstattung", "verspäte" ~
 * "Verspätung", "überweisen" ~ "Überweisungen" (a visitor asks with the verb what the documents name with the noun).
 * Answering only; search's endings are word-endings.ts'. The participle's "ge-" is read by germanVerbBase.
 */
const GERMAN_VERB_ENDINGS: ReadonlySet<string> = new Set("en e t et st est te ten tet ung ungen".split(" "));
/** English words differ by these endings too ("listen" ~ "list"): a stem of five letters keeps that rare. */
const GERMAN_VERB_STEM = 5;

/** Whether two folded words are forms of one German verb or its "-ung" noun (see GERMAN_VERB_ENDINGS). */
export function sameGermanVerb(a: string, b: string): boolean {
  let common = 0;
  const shorter = Math.min(a.length, b.length);
  while (common < shorter && a[common] === b[common]) common += 1;
  // The shared part may end in an ending's first letter ("erstatte|t" ~ "erstatte|n"): give it back.
  for (let stem = common; stem >= GERMAN_VERB_STEM && stem >= common - 1; stem -= 1) {
    if (GERMAN_VERB_ENDINGS.has(a.slice(stem)) && GERMAN_VERB_ENDINGS.has(b.slice(stem))) return true;
  }
  return false;
}

/**
 * A German participle's "ge" ("ge|kündigt", "an|ge|meldet", "zurück|ge|treten") and a zu-infinitive's "zu"
 * ("nach|zu|holen", "an|zu|melden"), behind a separable prefix or none: the verb's form is what is left.
 */
const germanGeOrZu =
  /^(ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|statt|teil|um|vor|weg|wieder|zu|zuruck|zusammen)?(ge|zu)(\p{L}{4,})$/u;

/**
 * A folded German participle or zu-infinitive read as a form of its verb: "gekundigt" → "kundigt", "angemeldet" →
 * "anmeldet", "nachzuholen" → "nachholen"; undefined for any other word ("gegen", "zusammen": "zu" stands inside a
 * verb only behind a separable prefix and before the infinitive's "-en").
 */
export function germanVerbBase(word: string): string | undefined {
  const match = germanGeOrZu.exec(word);
  if (!match) return undefined;
  const [, prefix = "", infix, rest = ""] = match;
  if (infix === "zu" && (prefix === "" || !rest.endsWith("en"))) return undefined;
  return prefix + rest;
}

/**
 * Whether two folded words are forms of one German verb or its "-ung" noun when a participle or zu-infinitive is read
 * as its verb (germanVerbBase): a visitor asks "gekündigt", "angemeldet", "abgesagt" of a text saying "kündigen",
 * "Anmeldung", "Absage", or the other way round ("nachzuholen" ~ "nachgeholt").
 */
export function sameGermanParticiple(a: string, b: string): boolean {
  if (!/ge|zu/u.test(a) && !/ge|zu/u.test(b)) return false;
  const [baseA, baseB] = [germanVerbBase(a), germanVerbBase(b)];
  if (baseA === undefined && baseB === undefined) return false;
  const [formA, formB] = [baseA ?? a, baseB ?? b];
  return formA === formB || sameGermanVerb(formA, formB);
}

/**
 * Whether two folded words are forms of one German verb by the verb list (wording/german-verbs.ts: a past form and the
 * infinitive or another past form), or one a past form of a verb and the other that verb's "-ung" noun: the forms no
 * rule of endings reads — short stems ("gezahlt" ~
 * "zahlen", "gesammelt" ~ "sammeln"), strong verbs' vowels ("verschoben" ~ "verschieben", "angenommen" ~ "annehmen"),
 * "angezahlt" ~ "Anzahlung". Words of four letters or more, and never two English words ("planet" and "plant" are
 * both forms of German "planen", "last" and "lies" of "lesen").
 */
export function sameListedGermanVerb(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const same = oneGermanVerb(a, b) || verbAndItsNoun(a, b) || verbAndItsNoun(b, a);
  return same && !(isEnglishWord(a) && isEnglishWord(b));
}

function verbAndItsNoun(verb: string, noun: string): boolean {
  return /ung(?:en)?$/u.test(noun) && germanPastInfinitives(verb).some((infinitive) => sameGermanVerb(infinitive, noun));
}

/** Particles a German separable verb leaves at the end of its clause ("fängt … an", "sagen Sie … ab"), folded. */
const separableParticles: ReadonlySet<string> = new Set(
  "ab an auf aus bei durch ein fest fort her hin los mit nach um vor weg weiter wieder zu zuruck zusammen uber".split(" "),
);
/** Words that open a new clause: a particle before them ends the one before ("holt ihr das nach wenn …"). */
const clauseOpeners = "wenn|weil|dass|ob|falls|sobald|bevor|nachdem|und|oder|aber|damit";
const particleEndingClause = new RegExp(
  `(?<!\\p{L})(?:ab|an|auf|aus|bei|durch|ein|fest|fort|her|hin|los|mit|nach|um|vor|weg|weiter|wieder|zu|zur[uü]ck|zusammen|[uü]ber)(?=\\s*(?:[.,;:!?)"]|$)|\\s+(?:${clauseOpeners})(?!\\p{L}))`,
  "imu",
);
const clauseBreak = new RegExp(`[.,;:!?()\\n]+|\\s+(?=(?:${clauseOpeners})\\s)`, "iu");

/**
 * A text's tokens (answerTokens) with each German separable verb split over its clause read as one word: its finite
 * form becomes the infinitive and the particle closing the clause goes ("wann fängt der Kurs an" → "wann",
 * "anfangen", "der", "kurs"; "bitte sagen Sie Termine 24 Stunden vorher ab" → …, "absagen", …), so a question's
 * "fängt … an" meets a text's "anfangen" or "angefangen", and "sagen … ab" a question's "absagen". Undefined when no
 * clause of the text ends in a particle (the text's tokens are answerTokens' then).
 */
export function joinSplitGermanVerbs(text: string): string[] | undefined {
  if (!particleEndingClause.test(text)) return undefined;
  return text.split(clauseBreak).flatMap((clause) => {
    const tokens = answerTokens(clause);
    const particle = tokens.at(-1);
    if (tokens.length < 3 || particle === undefined || !separableParticles.has(particle)) return tokens;
    // The finite verb stands second in a statement ("Kreditkarten nehmen wir … an", "Bitte sagen Sie … ab": not
    // "bitte … ab"), first in a question or request ("holt ihr … nach"), later only behind a longer opening phrase.
    for (const at of [1, 0, ...tokens.keys()].slice(0, tokens.length + 1)) {
      // "bietet ihr … an", "macht ihr … zu" ask whether (germanAskingWords): no verb of the topic.
      if (at >= tokens.length - 1 || germanAskingWords.has(tokens[at]!)) continue;
      const joined = joinedGermanVerb(tokens[at]!, particle);
      if (joined === undefined) continue;
      return [...tokens.slice(0, at), joined, ...tokens.slice(at + 1, -1)];
    }
    return tokens;
  });
}
