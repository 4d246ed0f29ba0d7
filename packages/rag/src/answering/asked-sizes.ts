import { withContext, type AnswerUnit } from "./answer-units";
import { isAnswerTypeWord } from "./question-type";
import { hasTerm } from "./score-units";
import type { RowField } from "./table-rows";
import { contentTerms } from "./text-analysis";
import { givenValues, periodValues, statesGivenValue, statesOtherValue, unitOf, type GivenValue } from "./value-ranges";

/**
 * The size or amount a price question gives the thing ("a 50-gallon heater", "a 200 sq ft unit", "late check-out
 * until 3 pm") against the one a sentence or row prices: a row stating the same measure with another number prices
 * another size of the thing, not the one asked about. Clock times are read here, apart from value-ranges.ts, whose
 * values also weigh sentences for every question ("3" of "check-in from 3 pm").
 */

const CLOCK = "clock";
const clockTime = /(?<![\d:.,])(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?!\p{L})|\b(noon|midday|midnight)\b/giu;
/** Two clock times joined as a span: "9am to 5pm", "9am–5pm". */
const clockSpan = new RegExp(`(${clockTime.source})\\s?(?:-|–|—|to|until|till)\\s?(${clockTime.source})`, "giu");

/** Minutes after midnight of a clock time written with am/pm, or noon or midnight; null for "13 pm". */
function minutesOf(match: RegExpMatchArray, at = 1): number | null {
  const named = match[at + 3]?.toLowerCase();
  if (named) return named === "midnight" ? 0 : 12 * 60;
  let hour = Number(match[at]);
  if (hour < 1 || hour > 12) return null;
  const pm = match[at + 2]!.toLowerCase().startsWith("p");
  if (pm && hour < 12) hour += 12;
  if (!pm && hour === 12) hour = 0;
  return hour * 60 + Number(match[at + 1] ?? 0);
}

function clockValues(text: string): GivenValue[] {
  return [...text.matchAll(clockTime)].flatMap((match) => {
    const value = minutesOf(match);
    return value === null ? [] : [{ value, unit: CLOCK }];
  });
}

/** A clock time bounding one side: "from 5pm" (and later), "until 1 pm" (and earlier). */
const clockBound = new RegExp(`\\b(from|after|since|until|till|by|before|up to)\\s+(${clockTime.source})`, "giu");

/**
 * Spans of clock times a text states: "9am to 5pm", and the open ones "from 5pm" (a rate for 7 pm) and "until 1 pm"
 * (no check-out at 3 pm); a span past midnight ("6pm to 2am") is left out.
 */
function clockSpans(text: string): Array<{ low: number; high: number }> {
  const spans = [...text.matchAll(clockSpan)].flatMap((match) => {
    const [low, high] = [minutesOf(match, 2), minutesOf(match, 7)];
    return low === null || high === null || high < low ? [] : [{ low, high }];
  });
  const bounds = [...text.matchAll(clockBound)].flatMap((match) => {
    const time = minutesOf(match, 3);
    if (time === null) return [];
    return /^(?:from|after|since)$/iu.test(match[1]!) ? [{ low: time, high: 24 * 60 }] : [{ low: 0, high: time }];
  });
  return [...spans, ...bounds];
}

/** "my 8 year old", "a 6-month-old puppy", "aged 8": an age is the asker's or the pet's, not a size of the thing. */
const ages = /\b\d+\s?-?\s?(?:years?|yrs?|months?|weeks?)\s?-?\s?old\b|\baged?\s+\d+/giu;

/** The sizes and amounts a question gives with a unit ("an hour" too), clock times included, ages not. */
export function askedSizes(question: string): GivenValue[] {
  const text = question.replace(ages, " ");
  return [...givenValues(text), ...periodValues(text), ...clockValues(text)];
}

/** Units counting a period: "3 nights" or "2 hours" is how long the thing is had, priced per period. */
const periods = new Set(["night", "day", "week", "month", "year", "hour", "minute"]);

/**
 * The sizes of the thing itself among the question's values ("50 gallon", "200 sq ft", "until 3 pm", "6 people"):
 * not the periods it is had for, which a price per night or per hour answers.
 */
export function thingSizes(values: readonly GivenValue[]): GivenValue[] {
  return values.filter((value) => !periods.has(value.unit));
}

/**
 * The unit a column's label gives its values: "Size (sq ft)" → "sq ft". A row states "50" under it: the row's size
 * is "50 sq ft", which no cell writes.
 */
function labelUnit(field: RowField): string | undefined {
  const unit = /\(([^()]{1,20})\)\s*$/u.exec(field.label)?.[1];
  return unit !== undefined && /^\s*\d[\d.,]*(?:\s?[-–]\s?\d[\d.,]*)?\s*$/u.test(field.value) ? unit : undefined;
}

/** A unit's words with the values its columns' labels give a unit written after them ("50 sq ft"). */
function textWithUnits(unit: AnswerUnit): string {
  const labelled = (unit.fields ?? []).flatMap((field) => {
    const label = labelUnit(field);
    return label === undefined ? [] : [`${field.value.trim()} ${label}`];
  });
  return [withContext(unit), ...labelled].join("; ");
}

const PEOPLE = "people";
/** "for 2 people", "for a group of 8 guests": a party the thing is asked for. */
const forParty = /\bfor\s+(?:a\s+(?:group|party|table)\s+of\s+)?\d+\s?-?\s?(\p{L}+)/giu;

/**
 * The word naming what a party of people is priced for: "dinner" of "how much is dinner for 2 people", "office" of "a
 * private office for 6 people"; undefined when the question names nothing before the party ("how much for 6 people").
 */
export function partyHead(question: string): string | undefined {
  for (const match of question.matchAll(forParty)) {
    if (unitOf(match[1]!) !== PEOPLE) continue;
    const before = contentTerms(question.slice(0, match.index)).filter((term) => !isAnswerTypeWord("price", term) && !/\p{N}/u.test(term));
    return before.at(-1);
  }
  return undefined;
}

/**
 * The question's sizes as they bear on one sentence or row: a count of people is the party's, not a size of the
 * thing, unless the row names the thing the party is asked for ("Private Office (2 people)" for "a private office for 6
 * people", not "Private dining room for 12 people" for "dinner for 2 people").
 */
function sizesFor(values: readonly GivenValue[], unit: AnswerUnit, text: string, party: string | undefined): readonly GivenValue[] {
  if (party === undefined || !values.some((value) => value.unit === PEOPLE)) return values;
  return hasTerm(contentTerms(text), party) ? values : values.filter((value) => value.unit !== PEOPLE);
}

/** Whether a sentence or row states the question's measure with another number only (see above). */
export function statesOtherSize(asked: readonly GivenValue[], unit: AnswerUnit, party?: string): boolean {
  if (asked.length === 0) return false;
  const text = textWithUnits(unit);
  const values = sizesFor(asked, unit, text, party);
  const clocks = values.filter((value) => value.unit === CLOCK);
  if (statesOtherValue(values.filter((value) => value.unit !== CLOCK), text)) return true;
  if (clocks.length === 0) return false;
  const stated = clockValues(text);
  const spans = clockSpans(text);
  return clocks.some(
    ({ value }) => stated.length > 0 && !stated.some((other) => other.value === value) && !spans.some((span) => span.low <= value && value <= span.high),
  );
}

/** Whether a sentence or row states one of the question's sizes (or a range holding it). */
export function statesAskedSize(asked: readonly GivenValue[], unit: AnswerUnit, party?: string): boolean {
  const text = textWithUnits(unit);
  const values = sizesFor(asked, unit, text, party);
  const clocks = values.filter((value) => value.unit === CLOCK);
  const stated = clockValues(text);
  const spans = clockSpans(text);
  return (
    statesGivenValue(values.filter((value) => value.unit !== CLOCK), text) ||
    clocks.some(({ value }) => stated.some((other) => other.value === value) || spans.some((span) => span.low <= value && value <= span.high))
  );
}
