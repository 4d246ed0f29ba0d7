import type { AnswerUnit } from "./answer-units";
import { valueIn, type Dimension } from "./superlatives";
import type { RowField } from "./table-rows";

/**
 * Bounds a question puts on a value: "a unit under €50 a month", "classes after 6pm", "a room for 3 people". A row
 * of a table qualifies by its value in that column ("Price per month: €35", "Monday | 9:00 to 20:00", "Sleeps: 4"),
 * which no word of the question repeats: the row is read as a number and compared.
 */

/** What a bound compares: the dimensions superlatives compare, and how many people a row takes. */
export type ConstraintDimension = Dimension | "people";

/** A bound of the question; an open side is ±Infinity. `strict`: "under €50" excludes €50, "up to €50" does not. */
export interface ValueConstraint {
  dimension: ConstraintDimension;
  low: number;
  high: number;
  strict: boolean;
}

const currency = "(?:€|\\$|£|eur|euros?|usd|dollars?|bucks|pounds?|gbp|quid)";
const amount = `(?:${currency}\\s?(\\d[\\d,]*(?:\\.\\d+)?)|(\\d[\\d,]*(?:\\.\\d+)?)\\s?${currency})`;
const under = "(?:under|below|less than|cheaper than|lower than|no more than|not more than|at most|up to|max(?:imum)?|within|beneath)";
const over = "(?:over|above|more than|at least|upwards of|minimum|min|from)";
const inclusive = /^(?:no more than|not more than|at most|up to|max|maximum|within|at least|minimum|min|from)$/u;
const clockTime = "(\\d{1,2})(?:[:.](\\d{2}))?\\s?(am|pm|a\\.m\\.|p\\.m\\.)?";
const areaUnit = "(?:sq\\.?\\s?(?:ft|feet|m)|square (?:feet|foot|met(?:re|er)s?)|m²|m2|ft²)";
const peopleWord = "(?:people|persons?|guests?|adults?|of us|pax)";

const money = (match: RegExpExecArray | RegExpMatchArray, at: number) => Number((match[at] ?? match[at + 1]!).replace(/,/gu, ""));

/** A clock time in minutes after midnight; a bare hour 1–7 ("after 6") is the evening, as a visitor means it. */
function minutesOf(hours: string, minutes: string | undefined, half: string | undefined): number | null {
  let hour = Number(hours);
  const meridiem = half?.toLowerCase().replace(/\./gu, "");
  if (meridiem === undefined && minutes === undefined && (hour < 1 || hour > 7)) return null;
  if ((meridiem === "pm" || (meridiem === undefined && minutes === undefined)) && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  return hour > 24 ? null : hour * 60 + Number(minutes ?? 0);
}

/** The bounds a question states (see above); empty for most questions. */
export function constraintsOf(question: string): ValueConstraint[] {
  const text = question.toLowerCase();
  const found: ValueConstraint[] = [];
  const add = (dimension: ConstraintDimension, low: number, high: number, strict: boolean) => {
    if (Number.isFinite(low) || Number.isFinite(high)) found.push({ dimension, low, high, strict });
  };
  for (const match of text.matchAll(new RegExp(`\\bbetween\\s+${amount}\\s+and\\s+${amount}`, "gu"))) add("price", money(match, 1), money(match, 3), false);
  for (const match of text.matchAll(new RegExp(`\\b(${under})\\s+${amount}`, "gu"))) add("price", -Infinity, money(match, 2), !inclusive.test(match[1]!));
  for (const match of text.matchAll(new RegExp(`${amount}\\s+or\\s+(?:less|under|below|cheaper)`, "gu"))) add("price", -Infinity, money(match, 1), false);
  for (const match of text.matchAll(new RegExp(`\\b(${over})\\s+${amount}`, "gu"))) add("price", money(match, 2), Infinity, !inclusive.test(match[1]!));
  for (const match of text.matchAll(new RegExp(`\\b(after|past|later than|from|until|till|as late as)\\s+${clockTime}(?!\\d|[:.]\\d|\\s?(?:${currency}|%|${areaUnit}|${peopleWord}|[a-z]))`, "gu"))) {
    const time = minutesOf(match[2]!, match[3], match[4]);
    // "Open until 8pm" asks for a closing time at 8pm or later, as "from 6pm" for one at 6pm or later.
    if (time !== null) add("time", time, Infinity, /^(?:after|past|later than)$/u.test(match[1]!));
  }
  for (const match of text.matchAll(new RegExp(`\\b(before|earlier than)\\s+${clockTime}(?!\\d|[:.]\\d|\\s?(?:${currency}|%|${areaUnit}|${peopleWord}|[a-z]))`, "gu"))) {
    const time = minutesOf(match[2]!, match[3], match[4]);
    if (time !== null) add("time", -Infinity, time, true);
  }
  for (const match of text.matchAll(new RegExp(`\\b(${under}|smaller than)\\s+(\\d+(?:\\.\\d+)?)\\s?${areaUnit}`, "gu"))) add("size", -Infinity, Number(match[2]), !inclusive.test(match[1]!));
  for (const match of text.matchAll(new RegExp(`\\b(${over}|bigger than|larger than)\\s+(\\d+(?:\\.\\d+)?)\\s?${areaUnit}`, "gu"))) add("size", Number(match[2]), Infinity, !inclusive.test(match[1]!));
  for (const match of text.matchAll(new RegExp(`\\bfor\\s+(?:a\\s+(?:group|party|family)\\s+of\\s+)?(\\d{1,3})(?:\\s+${peopleWord})?\\b`, "gu"))) {
    if (match[0].includes(" of ") || new RegExp(`${peopleWord}$`, "u").test(match[0])) add("people", Number(match[1]), Infinity, false);
  }
  return found;
}

/** Labels of a column stating how many people a row takes: "Sleeps", "Capacity", "Max guests". */
const peopleLabel = /\b(?:sleeps|capacity|guests|people|persons|seats|occupancy|max(?:imum)?|group size|pax)\b/iu;

/** The value a row holds in the bound's dimension; for a clock time, the end the bound reads (the latest for "after"). */
function rowValue(question: string, constraint: ValueConstraint, fields: readonly RowField[] | undefined, text: string): number | null {
  if (constraint.dimension === "people") {
    const field = (fields ?? []).find((candidate) => peopleLabel.test(candidate.label) && /\d/u.test(candidate.value));
    const numbers = field ? [...field.value.matchAll(/\d+/gu)].map((match) => Number(match[0])) : [];
    return numbers.length === 0 ? null : Math.max(...numbers);
  }
  const most = constraint.dimension === "time" && Number.isFinite(constraint.low);
  return valueIn(question, { dimension: constraint.dimension, most }, fields, text);
}

function satisfies(value: number, constraint: ValueConstraint): boolean {
  if (constraint.strict) return value > constraint.low && value < constraint.high;
  return value >= constraint.low && value <= constraint.high;
}

/**
 * For a question with bounds: +1 for each table row whose value meets every bound it can be read for, −1 for a row
 * holding a value that fails one, 0 for sentences and rows holding no value in the bounds' dimensions.
 */
export function constraintFit(question: string, units: readonly AnswerUnit[]): number[] {
  const constraints = constraintsOf(question);
  return units.map((unit) => {
    if (constraints.length === 0 || !unit.table) return 0;
    let fit = 0;
    for (const constraint of constraints) {
      const value = rowValue(question, constraint, unit.fields, unit.text);
      if (value === null) continue;
      if (!satisfies(value, constraint)) return -1;
      fit = 1;
    }
    return fit;
  });
}
