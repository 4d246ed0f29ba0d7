/**
 * Values a question gives and the ranges a sentence states, in the same unit: "my dog is 30 kg" is covered by
 * "20 kg and over" and not by "under 20 kg"; "a table for 3 people" by "2–4 guests". Price lists and tables state
 * their rows as ranges; visitors ask with their own value, which no word of the row repeats.
 */

/** A value of the question in a unit ("30kg" → 30 kg). */
export interface GivenValue {
  value: number;
  unit: string;
}

/** A range a sentence states, bounds included; an open side is ±Infinity. */
export interface StatedRange {
  low: number;
  high: number;
  unit: string;
}

/** Unit words as written → one name per unit: "kilos" and "kg" are the same unit, "guests" and "people" too. */
const unitNames: ReadonlyArray<[string, RegExp]> = [
  ["kg", /^(?:kg|kgs|kilos?|kilograms?|kilogrammes?)$/u],
  ["g", /^(?:g|grams?|grammes?)$/u],
  ["lb", /^lbs?$/u],
  ["people", /^(?:people|persons?|guests?|adults?|pax|participants?|riders?|players?|visitors?|personnes|personas|personen|adultes|adultos|erwachsene)$/u],
  ["children", /^(?:children|child|kids?|enfants|ni(?:ñ|n)os|kinder)$/u],
  ["night", /^(?:nights?|nuits?|noches?|n(?:ä|a)chte)$/u],
  ["day", /^(?:days?|jours|d(?:í|i)as|tage|tagen)$/u],
  ["week", /^(?:weeks?|semaines?|semanas?|wochen?)$/u],
  ["month", /^(?:months?|mois|meses|monate|monaten)$/u],
  // "5 ans", "10 años", "14 Jahren", "ein 8-jähriger Sohn" ("1 an" is read as "1 ans": "an" alone is English's article).
  ["year", /^(?:years?|yrs?|ans|a(?:ñ|n)os?|jahre?|jahren|j(?:ä|a)hrig\p{L}*)$/u],
  ["hour", /^(?:hours?|hrs?|h|heures?|horas?|stunden?)$/u],
  ["minute", /^(?:minutes?|mins?|minutos|minuten)$/u],
  ["km", /^(?:km|kms|kilomet(?:re|er)s?|kilom(?:è|e)tres?|kil(?:ó|o)metros?)$/u],
  ["mile", /^miles?$/u],
  ["cm", /^(?:cm|centimet(?:re|er)s?)$/u],
  ["m", /^(?:m|met(?:re|er)s?|m(?:è|e)tres?|metros?)$/u],
  ["seat", /^seats?$/u],
  ["room", /^rooms?$/u],
  ["bike", /^(?:bikes?|bicycles?)$/u],
  ["car", /^(?:cars?|vehicles?)$/u],
  ["bag", /^(?:bags?|suitcases?)$/u],
  ["pet", /^(?:pets?|dogs?|cats?)$/u],
  ["class", /^(?:classes|class|sessions?|lessons?)$/u],
  // Sizes of the thing itself: "a 50-gallon heater", "a 200 sq ft unit" (see oneWordUnits), "a 2-bedroom flat".
  ["gallon", /^(?:gallons?|gal)$/u],
  ["litre", /^(?:litres?|liters?|ltrs?)$/u],
  ["sqft", /^sqft$/u],
  ["sqm", /^sqm$/u],
  ["bedroom", /^(?:bedrooms?|bed|beds|bedroomed)$/u],
  ["inch", /^(?:inch|inches)$/u],
  ["foot", /^(?:ft|feet|foot)$/u],
  ["tonne", /^(?:tonnes?|tons?)$/u],
];

/**
 * Units written in two words, or with a sign, as one word: "200 sq ft", "200 square feet" and "200 ft²" are all
 * "200 sqft", so the value is read with its unit as any other.
 */
function oneWordUnits(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(?:sq\.?\s?(?:ft|feet|foot)\.?|square\s(?:feet|foot))(?![\p{L}])|(?<=\d\s?)(?:ft²|ft2)(?!\p{L})/gu, "sqft")
    .replace(/\b(?:sq\.?\s?(?:m|met(?:re|er)s?)\.?|square\smet(?:re|er)s?)(?![\p{L}])|(?<=\d\s?)(?:m²|m2)(?![\p{L}\d])/gu, "sqm")
    // French "un bébé de 1 an": "an" is a year only after 1 (English writes "an" before a noun, never after a 1).
    .replace(/(?<![\d.,])1\s?an(?!\p{L})/gu, "1 ans");
}

const unitWord = "(\\p{L}+)";
const number = "(\\d+(?:[.,]\\d+)?)";

/** The unit name of a word, or null when it is no unit. */
export function unitOf(word: string): string | null {
  const lower = word.toLowerCase();
  return unitNames.find(([, pattern]) => pattern.test(lower))?.[0] ?? null;
}

const toNumber = (text: string) => Number(text.replace(",", "."));

/** Values the question gives with a unit: "a 30kg labrador", "for 3 people", "2 nights". */
export function givenValues(question: string): GivenValue[] {
  const values: GivenValue[] = [];
  for (const match of oneWordUnits(question).matchAll(new RegExp(`(?<![\\d.,])${number}\\s?-?\\s?${unitWord}`, "gu"))) {
    const unit = unitOf(match[2]!);
    if (unit) values.push({ value: toNumber(match[1]!), unit });
  }
  return values;
}

/**
 * Ranges of a sentence, in its own words: "20 kg and over", "over 20 kg", "under 20 kg", "up to 4 guests",
 * "2–4 guests", "2 to 4 guests", "between 2 and 4 guests", "6+ people". A bare "4 guests" is no range: it
 * answers a question about 3 people no better than about 5.
 */
export function statedRanges(text: string): StatedRange[] {
  const lower = oneWordUnits(text);
  const ranges: StatedRange[] = [];
  const add = (low: number, high: number, word: string) => {
    const unit = unitOf(word);
    if (unit) ranges.push({ low, high, unit });
  };
  const between = new RegExp(`(?:between\\s+|entre\\s+|zwischen\\s+)?${number}\\s?(?:-|–|—|to|and|à|a|et|y|bis|und)\\s?${number}\\s?-?\\s?${unitWord}`, "gu");
  for (const match of lower.matchAll(between)) add(toNumber(match[1]!), toNumber(match[2]!), match[3]!);
  const atLeast = new RegExp(`${number}\\s?-?\\s?${unitWord}\\s+(?:(?:and|or)\\s+(?:over|above|more|up|upwards|older|heavier|longer)|(?:et|ou) plus|(?:o|y) m[aá]s|(?:und|oder) (?:mehr|älter|darüber)|en adelante|r[ée]volus)`, "gu");
  for (const match of lower.matchAll(atLeast)) add(toNumber(match[1]!), Infinity, match[2]!);
  const plus = new RegExp(`${number}\\s?\\+\\s?${unitWord}|${number}\\s?-?\\s?${unitWord}\\s?\\+`, "gu");
  for (const match of lower.matchAll(plus)) add(toNumber(match[1] ?? match[3]!), Infinity, match[2] ?? match[4]!);
  // French, Spanish and German bounds too: "à partir de 7 ans", "plus de 18 ans", "mayores de 16 años", "ab 16 Jahren".
  const over = new RegExp(`(?<!\\p{L})(?:over|above|more than|from|at least|minimum(?: of)?|[àa] partir de|dès|plus de|au moins|m[aá]s de|mayores de|desde|[uü]ber|ueber|ab|mindestens|[äa]lter als)\\s+(?:los\\s+)?${number}\\s?-?\\s?${unitWord}`, "gu");
  for (const match of lower.matchAll(over)) add(toNumber(match[1]!), Infinity, match[2]!);
  // "bis 10 Jahre" bounds above, "von 3 bis 12 Jahren" is a span (above).
  const under = new RegExp(`(?<!\\p{L})(?:under|below|less than|up to|at most|maximum(?: of)?|max\\.?|moins de|jusqu['’]?[àa]|menos de|menores de|hasta|unter|(?<!\\d\\s?)bis(?: zu)?|h[öo]chstens|maximal)\\s+${number}\\s?-?\\s?${unitWord}`, "gu");
  for (const match of lower.matchAll(under)) add(-Infinity, toNumber(match[1]!), match[2]!);
  return ranges;
}

/**
 * How a sentence's ranges meet the values the question gives: 1 when one of its ranges in a unit of the question
 * holds the question's value, −1 when it states ranges in that unit and none holds it, 0 when it states none.
 * "Under 20 kg" holds no 30 kg dog; which bound is open or shut ("under 20" against "20 and over") is read as
 * written, 20 belonging to both when both say so.
 */
export function rangeFit(values: readonly GivenValue[], text: string): number {
  if (values.length === 0) return 0;
  const ranges = statedRanges(text);
  let fit = 0;
  for (const { value, unit } of values) {
    const inUnit = ranges.filter((range) => range.unit === unit);
    if (inUnit.length === 0) continue;
    if (inUnit.some((range) => range.low <= value && value <= range.high)) return 1;
    fit = -1;
  }
  return fit;
}

/**
 * A text's words without the numbers the question gives in a unit that the text states in another unit (or in
 * none): "3" of "cancel 3 days before" is not the 3 of "check-in from 3 pm".
 */
export function withoutOtherUnits(words: string[], values: readonly GivenValue[], text: string): string[] {
  if (values.length === 0) return words;
  return words.filter((word) => {
    const given = values.filter((value) => String(value.value) === word);
    if (given.length === 0) return true;
    const stated = [...text.toLowerCase().matchAll(new RegExp(`(?<![\\d.,])${word.replace(".", "\\.")}\\s?-?\\s?${unitWord}`, "gu"))].map((match) => unitOf(match[1]!));
    return given.some((value) => stated.includes(value.unit));
  });
}

const numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const statedNumber = `(\\d+(?:[.,]\\d+)?|${numberWords.join("|")})`;

/** Values a text states with a unit, in figures or words ("30 minutes", "a 5-class pass", "one class"). */
export function statedValues(text: string): GivenValue[] {
  const values: GivenValue[] = [];
  for (const match of oneWordUnits(text).matchAll(new RegExp(`(?<![\\d.,\\p{L}])${statedNumber}\\s?-?\\s?${unitWord}`, "gu"))) {
    const unit = unitOf(match[2]!);
    const word = numberWords.indexOf(match[1]!);
    if (unit) values.push({ value: word >= 0 ? word + 1 : toNumber(match[1]!), unit });
  }
  return values;
}

/** "an hour", "a day", "one week", "a single night"; "half an hour", "a half hour": one period (or half an hour) in words. */
const onePeriod = /(?<![\p{L}\p{N}'’])(?:(half\s+an|an?\s+half)[\s-]+hour|(?:an?|one|a\s+single)\s+(hour|day|night|week|month|year))(?![\p{L}\p{N}-])/giu;

/**
 * The periods a text gives in words, as "1 hour" would: "how much is an hour in an automatic" asks the price of the
 * "Length: 1 hour" row, not the 2-hour one; half an hour is 30 minutes.
 */
export function periodValues(text: string): GivenValue[] {
  return [...text.matchAll(onePeriod)].map((match) => (match[1] ? { value: 30, unit: "minute" } : { value: 1, unit: unitOf(match[2]!)! }));
}

/** "per hour", "a night", "each week": a rate for any number of that period, no size of its own. */
const ratePeriod = /(?<![\p{L}\p{N}])(?:per|a|an|each|every)\s+(hour|day|night|week|month|year|minute)(?![\p{L}])/giu;

/** Hours in minutes, so that "an hour" is the "60 minutes" of a price list and "1.5 hours" its "90 minutes". */
function inMinutes<T extends { unit: string }>(value: T, scale: (factor: number) => Partial<T>): T {
  return value.unit === "hour" ? { ...value, ...scale(60), unit: "minute" } : value;
}
const valueInMinutes = (value: GivenValue) => inMinutes(value, (factor) => ({ value: value.value * factor }));
const rangeInMinutes = (range: StatedRange) => inMinutes(range, (factor) => ({ low: range.low * factor, high: range.high * factor }));

/**
 * Whether a text states another value than the question gives, in the same unit, as a list of sizes does: "how much
 * is a 90 minute massage" over "Sports massage; 30 minutes; £40", "a 50-gallon heater" over "40-gallon gas water
 * heater". It states values in that unit, none of them the question's, and no range holding it ("from 14 weeks" holds
 * 16 weeks; "under 20 kg" does not hold 30 kg). Hours are compared in minutes; a rate ("£15 per hour", "€29 a week")
 * prices any number of its period.
 */
export function statesOtherValue(asked: readonly GivenValue[], text: string): boolean {
  if (asked.length === 0) return false;
  const values = asked.map(valueInMinutes);
  const stated = statedValues(text).map(valueInMinutes);
  const ranges = statedRanges(text).map(rangeInMinutes);
  const rates = [...text.matchAll(ratePeriod)].map((match) => valueInMinutes({ value: 1, unit: unitOf(match[1]!)! }));
  return values.some(({ value, unit }) => {
    const inUnit = ranges.filter((range) => range.unit === unit);
    const numbers = stated.filter((other) => other.unit === unit);
    // "€110 per night" prices any stay; beside a figure ("Price per week: €29; Price per 4 weeks: €110") it is one week.
    if (numbers.length === 0 && rates.some((rate) => rate.unit === unit)) return false;
    if ([...numbers, ...rates].some((other) => other.unit === unit && other.value === value)) return false;
    // A range of a count ("groups of 8 people or more", "stays of 7 nights or more") is a condition of another offer
    // beside the plain price, not a size of the thing: rangeFit weighs it.
    if (inUnit.length > 0) return !COUNTS.has(unit) && !inUnit.some((range) => range.low <= value && value <= range.high);
    return stated.some((other) => other.unit === unit);
  });
}

/** Units counting people or a period: the party or the stay, beside the thing's own size. */
const COUNTS = new Set(["people", "children", "night", "day", "week", "month", "year", "hour", "minute"]);

/** Whether a text states a value the question gives, or a range holding it, in its unit. */
export function statesGivenValue(asked: readonly GivenValue[], text: string): boolean {
  const values = asked.map(valueInMinutes);
  const stated = statedValues(text).map(valueInMinutes);
  const ranges = statedRanges(text).map(rangeInMinutes);
  return values.some(
    ({ value, unit }) =>
      stated.some((other) => other.unit === unit && other.value === value) ||
      ranges.some((range) => range.unit === unit && range.low <= value && value <= range.high),
  );
}
