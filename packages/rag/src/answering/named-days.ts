import { foldAccents } from "../wording/fold-accents";

/**
 * The days of the week a text names, in English, Spanish, French and German: a day ("Friday", "sábados", "le
 * samedi", "donnerstags"), a range of days with the days between ("Monday to Friday", "Mon–Sat", "de lunes a
 * viernes", "du mardi au samedi", "Mo–Fr", "Dienstag bis Samstag"; across the week's end too: "Friday to Monday"),
 * the weekend (Saturday, Sunday), the weekdays (Monday to Friday) and, in a sentence only, every day ("daily",
 * "todos los días", "tous les jours", "täglich").
 *
 * A question that names a day ("when do you shut on a Friday") is answered by the sentence naming that day rather
 * than one naming only others ("We are closed on Sundays"): dayFit.
 */

/** Days as numbers: Monday 0 … Sunday 6. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ALL: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const WEEKEND: readonly Weekday[] = [5, 6];
const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4];

const fold = foldAccents;

/** Each day's full names (folded), with the plural or adverb forms ("mondays", "samedis", "montags"). */
const FULL_NAMES: ReadonlyArray<readonly string[]> = [
  ["monday", "mondays", "lunes", "lundi", "lundis", "montag", "montags"],
  ["tuesday", "tuesdays", "martes", "mardi", "mardis", "dienstag", "dienstags"],
  ["wednesday", "wednesdays", "miercoles", "mercredi", "mercredis", "mittwoch", "mittwochs"],
  ["thursday", "thursdays", "jueves", "jeudi", "jeudis", "donnerstag", "donnerstags"],
  ["friday", "fridays", "viernes", "vendredi", "vendredis", "freitag", "freitags"],
  ["saturday", "saturdays", "sabado", "sabados", "samedi", "samedis", "samstag", "samstags", "sonnabend", "sonnabends"],
  ["sunday", "sundays", "domingo", "domingos", "dimanche", "dimanches", "sonntag", "sonntags"],
];

/**
 * Abbreviations, as written (capitalised): "Sat", "Sun", "Wed", "Do", "So" are words of their own, so an abbreviation
 * counts only as an end of a range ("Mon–Fri", "Mo.–Sa.") or before a colon or a time ("Sat: 9–12", "Sa 9–14 Uhr").
 */
const ABBREVIATIONS: ReadonlyArray<readonly string[]> = [
  // Not "Mar" (March, marzo), "Sam" or "Dom" (names).
  ["Mon", "Mo", "Lun"],
  ["Tue", "Tues", "Di"],
  ["Wed", "Mi", "Mer", "Mié"],
  ["Thu", "Thur", "Thurs", "Do", "Jeu", "Jue"],
  ["Fri", "Fr", "Ven", "Vie"],
  ["Sat", "Sa", "Sáb"],
  ["Sun", "So", "Dim"],
];

const dayOfName = new Map<string, Weekday>();
FULL_NAMES.forEach((names, day) => names.forEach((name) => dayOfName.set(name, day as Weekday)));
const dayOfAbbreviation = new Map<string, Weekday>();
ABBREVIATIONS.forEach((names, day) => names.forEach((name) => dayOfAbbreviation.set(name, day as Weekday)));

/** A day token: a full name (any case, accents optional) or a capitalised abbreviation with an optional dot. */
const DAY = String.raw`(?:\p{L}+)`;
/** What joins the two ends of a range of days. */
const RANGE_JOIN = String.raw`(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till|hasta|jusqu'au|jusqu’au|bis|au|al|à|a)\s+)`;
// The range's last day is read ahead, not consumed: "Mon–Wed, Fri–Sun" and "to Monday to Friday" each read.
const RANGE = new RegExp(String.raw`(?<!\p{L})(${DAY})\.?(?=(${RANGE_JOIN})(${DAY})(?!\p{L}))`, "giu");

/** Groups of days, by folded phrase. */
const WEEKEND_WORDS = /(?<!\p{L})(?:weekends?|week-ends?|fine?s? de semana|fins? de semaine|wochenenden?)(?!\p{L})/u;
const WEEKDAY_WORDS = /(?<!\p{L})(?:weekdays?|entre semana|en semaine|werktags|wochentags)(?!\p{L})/u;
const EVERY_DAY_WORDS = /(?<!\p{L})(?:daily|every day|7 days a week|seven days a week|todos los dias|a diario|diariamente|tous les jours|7j\/7|7 jours sur 7|taglich|jeden tag)(?!\p{L})/u;

/** The day a token names, or null: a full name in any case, an abbreviation only as written and where `abbreviated`. */
function dayOf(token: string, abbreviated: boolean): Weekday | null {
  const full = dayOfName.get(fold(token));
  if (full !== undefined) return full;
  return abbreviated ? (dayOfAbbreviation.get(token) ?? null) : null;
}

/** The days from `first` to `last`, both included, across the week's end if `last` comes before `first`. */
function daysFrom(first: Weekday, last: Weekday): Weekday[] {
  const days: Weekday[] = [];
  for (let day = first; ; day = ((day + 1) % 7) as Weekday) {
    days.push(day);
    if (day === last) return days;
  }
}

/** Letters a full name may carry an accent on ("miércoles", "sábado", typed with or without it). */
const ACCENTED: Readonly<Record<string, string>> = { a: "[aáàâä]", e: "[eéèê]", i: "[iíî]", o: "[oóô]", u: "[uúûü]" };
/**
 * Whether a text may name a day at all: a full name, an abbreviation as written, or a word of a group of days. Most
 * sentences name none and are passed over by this one test; namedDays' reading runs over every word.
 */
const MAY_NAME_DAY = new RegExp(
  `(?<!\\p{L})(?:${FULL_NAMES.flat().map((name) => name.replace(/[aeiou]/gu, (vowel) => ACCENTED[vowel]!)).join("|")})(?!\\p{L})` +
    "|weekend|week-end|semana|semaine|wochenend|weekday|werktags|wochentags|daily|every day|days a week|todos los|diario|tous les jours|7j|7 jours|t[aä]glich|jeden tag",
  "iu",
);
const MAY_NAME_ABBREVIATION = new RegExp(`(?<!\\p{L})(?:${ABBREVIATIONS.flat().join("|")})(?!\\p{L})`, "u");

/** Texts whose days are kept: an answer scores the same sentences several times. */
const DAYS_KEPT = 4_000;
const daysKept = new Map<string, ReadonlySet<Weekday>>();

/**
 * The days a text names (see the module's comment). `everyDay`: whether "daily", "tous les jours" … name every day
 * (in a sentence they do; in a question, "your daily rate" asks about no day).
 */
export function namedDays(text: string, { everyDay = true }: { everyDay?: boolean } = {}): ReadonlySet<Weekday> {
  if (!MAY_NAME_DAY.test(text) && !MAY_NAME_ABBREVIATION.test(text)) return NO_DAYS;
  const key = `${everyDay ? 1 : 0}${text}`;
  let days = daysKept.get(key);
  if (!days) {
    days = readDays(text, everyDay);
    daysKept.set(key, days);
    if (daysKept.size > DAYS_KEPT) daysKept.delete(daysKept.keys().next().value!);
  }
  return days;
}
const NO_DAYS: ReadonlySet<Weekday> = new Set();

function readDays(text: string, everyDay: boolean): Set<Weekday> {
  const days = new Set<Weekday>();
  // Ranges first: their ends may be abbreviations.
  for (const match of text.matchAll(RANGE)) {
    const [first, last] = [dayOf(match[1]!, true), dayOf(match[3]!, true)];
    if (first === null || last === null || first === last) continue;
    // A one-letter join word ("a", "à") only joins full names: "Sa a Do" is no range.
    if (match[2]!.trim().length === 1 && /\p{L}/u.test(match[2]!) && (dayOf(match[1]!, false) === null || dayOf(match[3]!, false) === null)) continue;
    for (const day of daysFrom(first, last)) days.add(day);
  }
  for (const match of text.matchAll(/(?<!\p{L})(\p{L}+)(\.?)(?=(\s*[:：]|\s*\d)?)/gu)) {
    const day = dayOf(match[1]!, match[3] !== undefined);
    if (day !== null) days.add(day);
  }
  const folded = fold(text);
  if (WEEKEND_WORDS.test(folded)) WEEKEND.forEach((day) => days.add(day));
  if (WEEKDAY_WORDS.test(folded)) WEEKDAYS.forEach((day) => days.add(day));
  if (everyDay && EVERY_DAY_WORDS.test(folded)) ALL.forEach((day) => days.add(day));
  return days;
}

/**
 * How a sentence fits the days a question names: 1 when it names one of them, −1 when it names days and none of
 * them ("We are closed on Sundays" for "when do you shut on a Friday"), 0 when either names no day.
 */
export function dayFit(questionDays: ReadonlySet<Weekday>, text: string): number {
  if (questionDays.size === 0) return 0;
  const days = namedDays(text);
  if (days.size === 0) return 0;
  return [...days].some((day) => questionDays.has(day)) ? 1 : -1;
}

/**
 * The text without the full names of the days the question names ("Samstags nehmen wir nur Kunden mit Termin" for
 * "wann macht ihr samstags auf"): a day the visitor gives is no time the sentence states (see score-units.ts).
 */
export function withoutDaysNamed(text: string, questionDays: ReadonlySet<Weekday>): string {
  if (questionDays.size === 0) return text;
  return text.replace(/\p{L}+/gu, (word) => {
    const day = dayOfName.get(fold(word));
    return day !== undefined && questionDays.has(day) ? " " : word;
  });
}
