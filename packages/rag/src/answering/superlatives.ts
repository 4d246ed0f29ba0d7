import type { AnswerUnit } from "./answer-units";
import type { RowField } from "./table-rows";

/**
 * Questions that pick a row by comparing it with the others: "the smallest unit", "the cheapest lesson", "your
 * biggest room", "the earliest appointment". No word of the row says it is the smallest; only its value in the
 * compared column does, against the other rows of its table. A row of a table (or a record of a CSV file) holds
 * such a value in a cell whose label names the quantity ("Size (sq ft)", "Price per week") or in a figure of that
 * kind (money, a clock time, a duration, an area).
 */

/** What a superlative compares. */
export type Dimension = "price" | "size" | "time" | "duration";

export interface Superlative {
  dimension: Dimension;
  /** true: the row with the largest value ("biggest", "most expensive", "latest"); false: the smallest. */
  most: boolean;
}

const superlatives: ReadonlyArray<[Dimension, boolean, RegExp]> = [
  ["price", false, /\b(?:cheapest|least expensive|most affordable|lowest[- ]priced|lowest (?:price|cost|rate|fee)s?)\b/iu],
  ["price", true, /\b(?:most expensive|priciest|dearest|highest[- ]priced|highest (?:price|cost|rate|fee)s?)\b/iu],
  ["size", false, /\b(?:smallest|tiniest|littlest)\b/iu],
  ["size", true, /\b(?:biggest|largest|roomiest|most spacious)\b/iu],
  ["duration", false, /\b(?:shortest|quickest)\b/iu],
  ["duration", true, /\blongest\b/iu],
  ["time", false, /\b(?:earliest|soonest)\b/iu],
  ["time", true, /\blatest\b/iu],
];

/** The comparison a question asks for, or null: "how much is the smallest unit a week" → smallest size. */
export function superlativeOf(question: string): Superlative | null {
  const found = superlatives.find(([, , pattern]) => pattern.test(question));
  return found ? { dimension: found[0], most: found[1] } : null;
}

const currency = "(?:€|\\$|£|¥|eur|euros?|usd|dollars?|pounds?|gbp|chf)";
const money = new RegExp(`${currency}\\s?(\\d[\\d,]*(?:\\.\\d+)?)|(\\d[\\d,]*(?:\\.\\d+)?)\\s?${currency}`, "giu");
const clock = /(?<![€$£¥\d.,])\b(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)?(?![\d.,]|\s?(?:%|€|\$|£|euros?|dollars?|pounds?)\b)/giu;
const durationPattern = /\b(\d+(?:\.\d+)?)\s?(minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\b/giu;
const areaPattern = /\b(\d+(?:\.\d+)?)(?:\s?[x×]\s?(\d+(?:\.\d+)?))?\s?(?:sq\.?\s?(?:ft|feet|m|metres?|meters?)|square (?:feet|foot|metres?|meters?)|m²|m2|ft²|cubic|m³|m3|cu\.? ?ft)/giu;
/** Labels of columns stating a size: "Size (sq ft)", "Area", "Capacity", "Sleeps". */
const sizeLabel = /\b(?:size|area|sq|square|dimensions?|capacity|sleeps|seats|volume|space|surface)\b/iu;
/** Words of a question naming the period a price is counted in ("a week", "per month"). */
const periodWord = /\b(night|day|week|month|year|hour|session|class|lesson|person)s?\b/giu;

const numberOf = (text: string) => Number(text.replace(/,/gu, ""));
const minutesPer: Record<string, number> = { m: 1, h: 60, d: 1_440, w: 10_080, y: 525_600 };

/** Money amounts of a text, in order: "€9", "$1,650", "49 euros". */
function moneyIn(text: string): number[] {
  return [...text.matchAll(money)].map((match) => numberOf(match[1] ?? match[2]!));
}

/** Clock times of a text in minutes after midnight: "8:30" → 510, "6pm" → 1080. Bare numbers are no times. */
function timesIn(text: string): number[] {
  const times: number[] = [];
  for (const match of text.matchAll(clock)) {
    if (match[2] === undefined && match[3] === undefined) continue;
    let hours = Number(match[1]);
    const half = match[3]?.toLowerCase().replace(/\./gu, "");
    if (half === "pm" && hours < 12) hours += 12;
    if (half === "am" && hours === 12) hours = 0;
    if (hours <= 24) times.push(hours * 60 + Number(match[2] ?? 0));
  }
  return times;
}

/** Durations of a text in minutes: "45 minutes", "2 hours". */
function durationsIn(text: string): number[] {
  return [...text.matchAll(durationPattern)].map((match) => {
    const unit = match[2]!.toLowerCase();
    const per = unit.startsWith("mo") ? 43_800 : unit.startsWith("mi") ? 1 : (minutesPer[unit[0]!] ?? 1);
    return Number(match[1]) * per;
  });
}

/** Areas of a text: "10 sq ft", "3x3 m²" (9). */
function areasIn(text: string): number[] {
  return [...text.matchAll(areaPattern)].map((match) => Number(match[1]) * (match[2] ? Number(match[2]) : 1));
}

/**
 * The value a row (or a sentence) holds in the compared dimension, or null. A price is read from the column the
 * question's period names when there is one ("a week" → "Price per week"), else the first amount; a size from a
 * column labelled as one ("Size (sq ft)": 10) or an area the text states; a time, the earliest (or latest) clock
 * time; a duration, the first stated.
 */
export function valueIn(question: string, compared: Superlative, fields: readonly RowField[] | undefined, text: string): number | null {
  const first = (values: number[]) => values[0] ?? null;
  switch (compared.dimension) {
    case "price": {
      const periods = [...question.toLowerCase().matchAll(periodWord)].map((match) => match[1]!);
      const priced = (fields ?? []).filter((field) => moneyIn(field.value).length > 0);
      const named = priced.find((field) => periods.some((period) => new RegExp(`\\b${period}s?\\b`, "iu").test(field.label)));
      return first(moneyIn(named?.value ?? priced[0]?.value ?? text));
    }
    case "size": {
      const labelled = (fields ?? []).find((field) => sizeLabel.test(field.label) && /\d/u.test(field.value));
      if (labelled) return first(areasIn(labelled.value)) ?? numberOf(/\d[\d,]*(?:\.\d+)?/u.exec(labelled.value)![0]);
      return first(areasIn(text));
    }
    case "time": {
      const times = timesIn(text);
      return times.length === 0 ? null : compared.most ? Math.max(...times) : Math.min(...times);
    }
    case "duration":
      return first(durationsIn(text));
  }
}

/**
 * For a question comparing rows: +1 for each row holding the extreme value among the rows of its table that hold
 * one, −1 for the other rows holding one, 0 for everything else (sentences, tables with fewer than two values).
 */
export function extremeFit(question: string, units: readonly AnswerUnit[]): number[] {
  const fit = units.map(() => 0);
  const compared = superlativeOf(question);
  if (!compared) return fit;
  const tables = new Map<string, Array<{ index: number; value: number }>>();
  units.forEach((unit, index) => {
    if (!unit.table) return;
    const value = valueIn(question, compared, unit.fields, unit.text);
    if (value !== null) tables.set(unit.table, [...(tables.get(unit.table) ?? []), { index, value }]);
  });
  for (const rows of tables.values()) {
    const values = new Set(rows.map((row) => row.value));
    if (values.size < 2) continue;
    const extreme = compared.most ? Math.max(...values) : Math.min(...values);
    for (const row of rows) fit[row.index] = row.value === extreme ? 1 : -1;
  }
  return fit;
}
