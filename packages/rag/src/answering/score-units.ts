import { givenAgeTerms, statesAgeLimit } from "./asked-ages";
import { remembered, rememberedByText } from "../remembered";
import { splitAnswerUnits, withContext, type AnswerUnit } from "./answer-units";
import type { RowField } from "./table-rows";
import { answerTypeOf, asksForShare, asksIfFree, fitsAnswerType, isAnswerTypeWord, namesOfThings, statesOnlyDiscount, statesOnlyFree, statesPerson, statesTypeWord } from "./question-type";
import { sameSpanishVerb } from "./spanish-cues";
import { sameFrenchVerb } from "./french-cues";
import { sameGermanParticiple, sameGermanVerb, sameListedGermanVerb } from "./german-cues";
import { sameNounForm } from "./noun-forms";
import { contentTerms } from "./text-analysis";
import { answerTokens } from "../retrieval/bm25";
import { sameWordForm } from "../retrieval/word-endings";
import { givenValues, rangeFit, withoutOtherUnits } from "./value-ranges";
import { isCompoundPart } from "./compound-words";
import { extremeFit } from "./superlatives";
import { constraintFit } from "./value-constraints";
import type { WordNeighbours } from "./word-neighbours";
import { dayFit, namedDays, withoutDaysNamed } from "./named-days";

export interface ScoredUnit extends AnswerUnit {
  /** IDF-weighted share of the question's words found in the sentence (words of its context count less), 0..1. */
  lexical: number;
  /** Cosine similarity of the question and the sentence with its context (or of its passage, without vectors). */
  meaning: number;
  /** The sentence states the kind of fact the question asks for (a price for "how much", a time for "when" …). */
  fitsType: boolean;
  score: number;
}

/** How much each signal weighs in a sentence's score. */
export const WEIGHTS = { lexical: 0.6, meaning: 1, fitsType: 0.12, contextOnly: 0.6, rank: 0.02, phrase: 0.1, range: 0.12, compoundPart: 0.5, extreme: 0.15, namedRow: 0.1, constraint: 0.15, neighbour: 0.7, day: 0.12 } as const;

/** Every sentence of the passages, with its context, for scoring. */
export function answerUnitsOf(passages: readonly string[]): AnswerUnit[] {
  return passages.flatMap((passage, source) => splitAnswerUnits(passage, source));
}

/**
 * Scores sentences as answers to the question: words they share with it (rare words weigh more, a word of the
 * heading or FAQ question above the sentence counts for less than one in it), closeness in meaning, and whether
 * they state what the question asks for. A question word the sentence says another way (a neighbour in meaning, see
 * word-neighbours.ts: "whiter" for "whitening") counts for WEIGHTS.neighbour of the word itself.
 */
export function scoreUnits(
  question: string,
  units: readonly AnswerUnit[],
  meaning: (unit: AnswerUnit, index: number) => number,
  neighbours: WordNeighbours = new Map(),
  /** The passages and document titles read, whole: where a business's name is written (a title line is no sentence). */
  passages: readonly string[] = [],
): ScoredUnit[] {
  const { terms, read } = analysisOf(question, units, passages);
  const weight = new Map(
    terms.map((term, at) => {
      const said = (words: readonly string[]) => neighbourShare(words, term, neighbours) > 0;
      const frequency = read.filter(({ own, context, holds }) => holds[at] || said(own) || said(context)).length;
      return [term, Math.log(1 + (units.length + 1) / (frequency + 0.5))];
    }),
  );
  const total = [...weight.values()].reduce((sum, value) => sum + value, 0);
  return units.map((unit, index) => {
    const { own, context, ownShare, contextShare, leanedShare, fitsType, fitWeight, phrase, range, extreme, bounded, named, day } = read[index]!;
    const share = (words: readonly string[], term: string, matched: number) => Math.max(matched, WEIGHTS.neighbour * neighbourShare(words, term, neighbours));
    const matched = terms.reduce((sum, term, at) => sum + (weight.get(term) ?? 0) * Math.max(share(own, term, ownShare[at]!), WEIGHTS.contextOnly * share(context, term, contextShare[at]!), WEIGHTS.contextOnly * leanedShare[at]!), 0);
    const lexical = total === 0 ? 0 : matched / total;
    const similarity = meaning(unit, index);
    const score =
      WEIGHTS.lexical * lexical + WEIGHTS.meaning * similarity + fitWeight + WEIGHTS.phrase * phrase + WEIGHTS.range * range + WEIGHTS.extreme * extreme + WEIGHTS.constraint * bounded + named + day - WEIGHTS.rank * unit.source;
    return { ...unit, lexical, meaning: similarity, fitsType, score };
  });
}

/** What scoring reads of a sentence for a question, whatever its meaning and the question words' neighbours. */
interface UnitReading {
  /** The sentence's words and its context's (heading, column labels) as they meet the question's. */
  own: string[];
  context: string[];
  /** Per question term: whether the sentence or its context holds it (hasTerm), and how fully each does (matchShare). */
  holds: boolean[];
  ownShare: number[];
  contextShare: number[];
  /** How fully the sentence this one leans on holds each term (see sentence-window.ts); 0 for a sentence leaning on none. */
  leanedShare: number[];
  fitsType: boolean;
  fitWeight: number;
  phrase: number;
  range: number;
  extreme: number;
  bounded: number;
  named: number;
  day: number;
}

/** Readings kept (see analysisOf): the last few answers' sentence sets. */
const READINGS_KEPT = 64;

/**
 * What scoreUnits reads of the question and its sentences apart from meaning and neighbours, remembered for the last
 * READINGS_KEPT question, sentences and passages: an answer scores the same sentences for the same question once
 * for each way of reading it (up to 9 compositions, see answerHoweverWeighed), and only meaning and neighbours
 * change between them. Every value is the one scoreUnits computed inline, so scores are the same to the bit.
 */
const analysisOf = remembered(
  READINGS_KEPT,
  (question: string, units: readonly AnswerUnit[], passages: readonly string[]) => JSON.stringify([question, passages, units]),
  (question: string, units: readonly AnswerUnit[], passages: readonly string[]) => readUnits(question, units, passages),
);

function readUnits(question: string, units: readonly AnswerUnit[], passages: readonly string[]): { terms: string[]; read: UnitReading[] } {
  const terms = contentTerms(question);
  const type = answerTypeOf(question);
  // "How much is the registration?" is not answered by "10 % off for siblings": a discount states a price only for a
  // question about a discount.
  const discountFits = type !== "price" || asksForShare(question);
  // "Wattle Creek is a family-owned kennel": a pair the sources write as the start of a longer name is a business's.
  const things = type === "person" ? namesOfThings([...passages, ...units.flatMap((unit) => [unit.text, unit.context ?? ""])]) : undefined;
  // A row states a kind of fact in its cells, not in its column labels: "Forfait emplacement nu : … tente — Basse
  // saison (avril, mai, juin, septembre): 19,50 €" names months in a label and states a price, no time of arrival.
  // "Sabine Albrecht hat den Salon gegründet. Sie ist unsere Spezialistin …": the person a sentence names by a pronoun
  // is the one the sentence it leans on names (see sentence-window.ts).
  const statesWho = (unit: AnswerUnit, things: ReadonlySet<string>) => statesPerson(unit.text, things) || (unit.leansOn !== undefined && statesPerson(unit.leansOn, things));
  // "wann macht ihr samstags auf": "Samstags nehmen wir nur Kunden mit Termin" states no time, only the day the
  // question gives; the "Samstag: 8–14 Uhr" row does (withoutDaysNamed).
  const daysAsked = type === "time" ? namedDays(question, { everyDay: false }) : new Set<never>();
  const fits = units.map((unit) => (things ? statesWho(unit, things) : fitsAnswerType(type, withoutDaysNamed(unit.fields ? cellsOf(unit.fields) : unit.text, daysAsked))) && (discountFits || !statesOnlyDiscount(withContext(unit))));
  // A sentence stating the kind of fact asked for covers the question's words for that kind ("cost" by a price).
  // "If I cancel 3 days before arrival": the question's 3 counts days, and "check-in from 3 pm" does not state it.
  const values = givenValues(question);
  // "mi hija tiene 7 años, ¿con qué edad la aceptáis?" asks for the age limit: "a partir de 8 años" answers it though it
  // does not hold 7, so a range left out counts against no sentence; one holding the value still counts for it.
  const ageAsked = type === "age";
  const valueWords = (question: string, text: string) => withoutOtherUnits(wordsOf(question, text), values, text);
  const phrases = topicPhrases(question, type);
  // "How much is a single class?" wants a figure: "Mats are provided free" states a price, but more weakly.
  const freeFitsLess = type === "price" && !asksIfFree(question);
  // "How much to neuter a 30kg labrador?": the row whose range holds the value ("20 kg and over"), not its neighbour.
  // "How much is the smallest unit a week?": the row whose size is the smallest of its table's (superlatives.ts).
  const extremes = extremeFit(question, units);
  // "A unit under €50 a month": the rows whose value meets the bound (value-constraints.ts).
  const bounded = constraintFit(question, units);
  // "When do you shut on a Friday?": the sentence naming Friday (or "Monday to Friday"), not "closed on Sundays"
  // (named-days.ts); a sentence naming no day, by the day its heading names.
  const days = namedDays(question, { everyDay: false });
  const dayWeight = (unit: AnswerUnit) => (days.size === 0 ? 0 : WEIGHTS.day * (dayFit(days, unit.text) || (unit.context ? dayFit(days, unit.context) : 0)));
  const read = units.map((unit, index): UnitReading => {
    const fitsType = fits[index]!;
    // A row's column labels are its context, as a heading is: "Treatment" heads every row of a price list.
    const own = [...valueWords(question, unit.fields ? cellsOf(unit.fields) : unit.text), ...(fitsType ? terms.filter((term) => statesTypeWord(type, term, unit.text)) : [])];
    const context = unit.context || unit.fields ? valueWords(question, [unit.context ?? "", ...(unit.fields ?? []).map((field) => field.label)].join(" ")) : [];
    // The sentence a sentence leans on ("It is served in the conservatory" on "Breakfast is included …", see
    // sentence-window.ts) is read like its heading: it names what the sentence is about. It is a sentence of its own
    // too, so it does not count again for how many sentences say a word.
    const leaned = unit.leansOn !== undefined ? valueWords(question, unit.leansOn) : [];
    return {
      own,
      context,
      holds: terms.map((term) => hasTerm(own, term) || hasTerm(context, term)),
      ownShare: terms.map((term) => matchShare(own, term)),
      contextShare: terms.map((term) => matchShare(context, term)),
      leanedShare: terms.map((term) => (leaned.length === 0 ? 0 : matchShare(leaned, term))),
      fitsType,
      fitWeight: !fitsType ? 0 : freeFitsLess && statesOnlyFree(unit.text) ? WEIGHTS.fitsType / 2 : WEIGHTS.fitsType,
      phrase: phrases.length === 0 ? 0 : phraseShare(phrases, withContext(unit)),
      range: values.length === 0 ? 0 : ageAsked ? Math.max(0, rangeFit(values, withContext(unit))) : rangeFit(values, withContext(unit)),
      extreme: extremes[index]!,
      bounded: bounded[index]!,
      named: unit.fields && namesRow(question, terms, unit.fields) ? WEIGHTS.namedRow : 0,
      day: dayWeight(unit),
    };
  });
  return { terms, read };
}

/** 1 when the words hold a neighbour of the term (the term itself aside), else 0. */
function neighbourShare(words: readonly string[], term: string, neighbours: WordNeighbours): number {
  const near = neighbours.get(term);
  return near && near.some((neighbour) => words.includes(neighbour.word)) ? 1 : 0;
}

/** The values of a row's cells, without their labels. */
function cellsOf(fields: readonly RowField[]): string {
  return fields.map((field) => field.value).join("; ");
}

/**
 * Whether the question names the row: every word of its first cell, the row's label, is a word of the question
 * ("the large one" names "Unit: Large", not "Unit: Extra large", which shares "large" too).
 */
export function namesRow(question: string, terms: readonly string[], fields: readonly RowField[]): boolean {
  const label = fields[0] ? wordsOf(question, fields[0].value) : [];
  return label.length > 0 && label.every((word) => hasTermForm(terms, word));
}

/**
 * Adjacent word pairs of the question that hold a topic word, function words kept: "check in" and "check out"
 * share their only content word, and only the pair tells a check-in sentence from a check-out one (hyphens
 * and spaces tokenize alike). Pairs whose content word only names the kind of fact ("what time") tell nothing.
 */
export function topicPhrases(question: string, type = answerTypeOf(question)): string[] {
  const tokens = tokensOf(question);
  const topic = new Set(contentTerms(question).filter((term) => !isAnswerTypeWord(type, term)));
  const pairs: string[] = [];
  for (let index = 1; index < tokens.length; index += 1) {
    const [first, second] = [tokens[index - 1]!, tokens[index]!];
    if ((topic.has(first) || topic.has(second)) && first.length > 1 && second.length > 1) pairs.push(`${first} ${second}`);
  }
  return [...new Set(pairs)];
}

/** Share of the phrases found word for word in the text. */
export function phraseShare(phrases: readonly string[], text: string): number {
  const padded = ` ${tokensOf(text).join(" ")} `;
  return phrases.filter((phrase) => padded.includes(` ${phrase} `)).length / phrases.length;
}

/**
 * The question's topic words that none of the sentences (nor their headings) contain in any form: what the sources
 * read do not talk about. A word that only names the kind of fact asked for ("cost", "discount", "address") is
 * known when a sentence states that kind of fact ("20% off" for "discounts"), whatever its words; and a word the
 * sources say another way (a neighbour, see word-neighbours.ts) is known.
 */
export function unknownTerms(question: string, units: readonly AnswerUnit[], neighbours: WordNeighbours = new Map()): string[] {
  const type = answerTypeOf(question);
  const words = units.flatMap((unit) => [...wordsOf(question, unit.text), ...(unit.context ? wordsOf(question, unit.context) : [])]);
  const statesType = (term: string) => units.some((unit) => statesTypeWord(type, term, unit.text));
  // "can my 13 yr old take a canoe out" over "Anyone 12 or over": an age given is read by a sentence stating an age limit.
  const ages = givenAgeTerms(question);
  const agesRead = ages.length > 0 && units.some((unit) => statesAgeLimit(unit.text));
  return contentTerms(question).filter((term) => !hasTerm(words, term) && !statesType(term) && !neighbours.has(term) && !(agesRead && ages.includes(term)));
}

/** Question and text pairs whose words are kept (see wordsOf). */
const WORDS_KEPT = 20_000;

/**
 * The content words of a text as they meet the question's: a compound written as one word on one side and as two
 * on the other ("hair dryer" ~ "hairdryer", "e bike" ~ "ebike") is the same words: the text is given the question's.
 * Remembered for the last WORDS_KEPT pairs: every composition of an answer reads each sentence's words again (a
 * copy: callers add to the list they get).
 */
export function wordsOf(question: string, text: string): string[] {
  return [...wordsKept(question, text)];
}
const wordsKept = remembered(WORDS_KEPT, (question: string, text: string) => `${question}\u0000${text}`, (question: string, text: string): readonly string[] => readWordsOf(question, text));

function readWordsOf(question: string, text: string): string[] {
  const words = contentTerms(text);
  const [asked, said] = [tokensOf(question), tokensOf(text)];
  const joined = (tokens: readonly string[]) => tokens.slice(1).map((token, index) => ({ first: tokens[index]!, second: token, whole: tokens[index]! + token }));
  // The question's two words are one word of the text: the text holds both.
  for (const pair of joined(asked)) if (pair.whole.length >= 5 && said.includes(pair.whole)) words.push(pair.first, pair.second);
  // The question's one word is two words of the text: the text holds it.
  for (const pair of joined(said)) if (pair.whole.length >= 5 && asked.includes(pair.whole)) words.push(pair.whole);
  // "Monday to Friday" (a table row's label, an opening-hours line) is the weekdays; "Saturday and Sunday" the weekend.
  if (dayRange.weekdays.test(text)) words.push("weekday", "weekdays");
  if (dayRange.weekend.test(text)) words.push("weekend", "weekends");
  return words;
}

const dayRange = {
  weekdays: /\bmon(?:day)?s?\.?\s*(?:to|-|–|through|thru|until)\s*fri(?:day)?s?\b/iu,
  weekend: /\bsat(?:urday)?s?\.?\s*(?:and|&|to|-|–)\s*sun(?:day)?s?\b/iu,
};

/** Texts whose tokens are kept: an answer reads the question's and each sentence's several times. */
const TOKENS_KEPT = 4_000;

/** answerTokens(text), remembered for the last TOKENS_KEPT texts (read-only: shared between callers). */
const tokensOf = rememberedByText(TOKENS_KEPT, (text: string): readonly string[] => answerTokens(text));

/**
 * Whether a word list holds the term or a form of it (shared stem: "cleaned" ~ "cleaning", "implants" ~ "implant";
 * sameWordForm's endings too: "taken" ~ "take", "archivos" ~ "archivo"; noun-forms.ts' "animaux" ~ "animal", "Hündin" ~
 * "Hunde"; a German participle and its verb: "gekündigt" ~ "kündigen", see sameGermanParticiple, and the forms the German
 * verb list relates: "gezahlt" ~ "zahlen", "verschoben" ~ "verschieben", see sameListedGermanVerb; a part of a compound: "rabatt" ~
 * "studentenrabatt", see isCompoundPart).
 */
export function hasTerm(words: readonly string[], term: string): boolean {
  return hasTermForm(words, term) || words.some((word) => isCompoundPart(word, term));
}

/** hasTerm without compounds: the word, a form of it, or a broader word stating it. */
function hasTermForm(words: readonly string[], term: string): boolean {
  const covering = coveredBy.get(term);
  return words.some((word) => word === term || sameForm(word, term) || shortPlural(word, term) || shortDoubled(word, term) || (covering?.includes(word) ?? false) || sameGermanParticiple(word, term) || sameListedGermanVerb(word, term));
}

/**
 * How fully a word list holds the term: 1 for the word or a form of it; WEIGHTS.compoundPart when only a compound
 * shares it ("Schnitte" for "kinderschnitt" is any cut, not the children's cut a price list names); 0 otherwise.
 */
function matchShare(words: readonly string[], term: string): number {
  if (hasTermForm(words, term)) return 1;
  return words.some((word) => isCompoundPart(word, term)) ? WEIGHTS.compoundPart : 0;
}

/**
 * A three-letter word and its plural ("vet" ~ "vets", "bus" ~ "buses", "car" ~ "cars"): too short for sameStem's
 * four shared letters, yet visitors ask "can I park at the vets" of a text saying "vet".
 */
function shortPlural(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length === 3 && (long.length === 4 || long.length === 5) && long.startsWith(short) && (long.length === 4 ? long.endsWith("s") : long.endsWith("es"));
}

/**
 * A three-letter word ending in a consonant and its forms that double that consonant before "-ing" or "-ed" ("fit" ~
 * "fitting", "cut" ~ "cutting", "pet" ~ "petted"): sameStem needs four letters. Only those two endings: "let" is not
 * "letter", "bit" not "bitter".
 */
function shortDoubled(a: string, b: string): boolean {
  return a.length === 3 ? doubledForm(a, b) : b.length === 3 && doubledForm(b, a);
}

function doubledForm(short: string, long: string): boolean {
  if ((long.length !== 6 && long.length !== 7) || !long.startsWith(short)) return false;
  const last = short[2]!;
  return /[bcdfgklmnprstvz]/u.test(last) && (long === `${short}${last}ing` || long === `${short}${last}ed`);
}

/** sameWordForm behind the cheapest test: forms share their first four letters (nearly no pair an answer compares does). */
function sameForm(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  if (isOtherSpanishNoun(a, b)) return false;
  if (a.startsWith(b.slice(0, 4))) return sameWordForm(a, b) || sameVerbOrItsNoun(a, b) || sameNounForm(a, b);
  // A Spanish or French infinitive and its noun part at the stem's last letter ("paga|r" ~ "pago|s", "lav|er" ~
  // "lav|age", see sameSpanishVerb and sameFrenchVerb).
  return a.startsWith(b.slice(0, 3)) && (sameSpanishVerb(a, b) || sameFrenchVerb(a, b));
}

/**
 * Spanish nouns whose "-o" and "-a" forms are two things, not one word's genders (sameWordForm pairs "-o" ~ "-a" for
 * "alumno" ~ "alumna", "nuevo" ~ "nueva"): "plazo" (a time limit, "a plazos" instalments) is no "plaza" (a place, a
 * seat), "puerto" no "puerta", "caso" no "casa". The stems, each pair written once.
 */
const OTHER_NOUN_BY_GENDER: ReadonlySet<string> = new Set(
  "plaz puert mod fond banc cas carg punt pal bols barc ram suel cest cuent libr partid cub huert vel mang rat band marc cuadr foc".split(" "),
);

/** Whether two folded words are the two nouns of OTHER_NOUN_BY_GENDER ("plazos" and "plaza"), in either number. */
function isOtherSpanishNoun(a: string, b: string): boolean {
  const [formA, formB] = [/^(\p{L}+)([oa])s?$/u.exec(a), /^(\p{L}+)([oa])s?$/u.exec(b)];
  return formA !== null && formB !== null && formA[1] === formB[1] && formA[2] !== formB[2] && OTHER_NOUN_BY_GENDER.has(formA[1]!);
}

/** Forms of one verb, or a verb and the noun of its stem, in Spanish, French or German (answering only). */
function sameVerbOrItsNoun(a: string, b: string): boolean {
  return sameSpanishVerb(a, b) || sameFrenchVerb(a, b) || sameGermanVerb(a, b);
}


const numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/**
 * Words a broader word states: a sentence about the weekend answers a question about Saturday, one about
 * 25 December a question about Christmas; and a number written in words or figures.
 */
const coveredBy = new Map<string, string[]>([
  // "a 3 bedroom house" is "a three-bedroom house": a number is its word, either way round.
  ...numberWords.flatMap((word, index): Array<[string, string[]]> => [
    [String(index + 1), [word]],
    [word, [String(index + 1)]],
  ]),
  ...["christmas", "xmas", "boxing"].map((day): [string, string[]] => [day, ["december"]]),
  ...["saturday", "saturdays", "sunday", "sundays"].map((day): [string, string[]] => [day, ["weekend", "weekends"]]),
  ...["monday", "mondays", "tuesday", "tuesdays", "wednesday", "wednesdays", "thursday", "thursdays", "friday", "fridays"].map(
    (day): [string, string[]] => [day, ["weekday", "weekdays"]],
  ),
]);

/**
 * Two forms of one word: after their common beginning, what is left of each is an ending ("cleaned" ~ "cleaning",
 * "service" ~ "servicing", "regas" ~ "regassing"), not another word ("motors" is not "motorbike").
 */
export function sameStem(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common += 1;
  // The cheap test first: nearly every pair an answer compares shares no long beginning (the digit tests after it
  // only ever turned such pairs down too; answering runs this ~10⁵ times a question).
  if (common < Math.max(4, shorter - 2) || /\p{N}/u.test(a) || /\p{N}/u.test(b)) return false;
  const last = a[common - 1]!;
  return isEnding(a.slice(common), last) && isEnding(b.slice(common), last);
}

/** English inflections and light derivations, with the doubled consonant of "regassing" / "stopped". */
const endings = /^(?:|e|s|es|ed|d|ing|er|ers|ies|ied|y|ly|ion|ions|ation|ations|al|ment|ments|able)$/u;

function isEnding(rest: string, last: string): boolean {
  return endings.test(rest) || (rest.startsWith(last) && /^(?:ing|ed|er|ers)$/u.test(rest.slice(1)));
}

export { withContext };
