import { siblingKinds, wordNetStatus } from "../wording/wordnet";
import { withContext, type AnswerUnit } from "./answer-units";
import { hasTerm } from "./score-units";
import { contentTerms } from "./text-analysis";

/**
 * Two nouns are two values of one slot (see siblingKinds) when the nearest kind both are is at most SLOT_HOPS hops up
 * from each, and at least SLOT_DEPTH hops below the top of WordNet's hierarchy: "rabbit" and "cat" (mammals, depth 10),
 * "Cincinnati" and "Columbus" (cities, 8), but not "intro" and "course" (both acts, 4) nor "event" and "rate" (1).
 */
export const SLOT_HOPS = 3;
export const SLOT_DEPTH = 6;

const isWord = (word: string) => /^\p{L}{3,}$/u.test(word);

/**
 * The word of a sentence (or a row, with its heading and labels) naming another kind of the thing the question asks
 * about, when the sources do not name the kind asked about: "Cat spay" for "how much to spay a rabbit", "Columbus"
 * for "what's the trip charge for cincinnati". The sentence prices a neighbouring kind, not the one asked about. The
 * kind asked about is named nowhere when no source read names it (`unknown`) or, for a row, no row of its table
 * nor their headings do (a vet's price list without rabbits, though the team page says who sees them). Only words
 * the question does not hold count, by the two words' most frequent noun senses: "puppy" is a kind of "dog", not
 * another kind, and "kids" ~ "children" is one kind. English only (WordNet), and only once WordNet is in memory.
 */
export function namesOtherKind(
  unit: AnswerUnit,
  unknown: readonly string[],
  question: readonly string[],
  all: readonly AnswerUnit[],
  /** Words the question counts ("8 year old", "3 nights"): a period so counted is a length or an age, not a kind. */
  counted: readonly string[] = [],
): string | undefined {
  if (!wordNetStatus().loaded) return undefined;
  const tableWords = unit.table === undefined ? [] : contentTerms(all.filter((other) => other.table === unit.table).map(withContext).join(" "));
  const asked = question.filter(
    (term) => isWord(term) && !(counted.includes(term) && closedSlotOf(term)) && (unknown.includes(term) || (unit.table !== undefined && !hasTerm(tableWords, term))),
  );
  if (asked.length === 0) return undefined;
  const own = ownWords(unit).filter((word) => isWord(word) && !hasTerm(question, word));
  return own.find((word) => asked.some((term) => sameSlot(term, word)));
}

/**
 * The words a sentence says with its heading; a row's cells with its heading, not its column labels: every row of
 * its table has those ("Town: Columbus", "Town: Dublin"), so they tell no row's kind.
 */
function ownWords(unit: AnswerUnit): string[] {
  return contentTerms(unit.fields ? [unit.context ?? "", ...unit.fields.map((field) => field.value)].join(" ") : withContext(unit));
}

/**
 * Closed sets of values WordNet does not relate as kinds: periods a price is given for ("a week pass" is not the day
 * pass: "week" and "day" share only "measure", 2 hops below the top) and sides or positions of a part ("rear brake
 * pads" are not the front ones: "rear" and "front" are no noun siblings by their first senses). Each word is written
 * in the forms a question or a price list uses; a word's set and value are its slot.
 */
const CLOSED_SLOTS: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  [
    ["hour", "hours", "hourly"],
    ["day", "days", "daily"],
    ["night", "nights", "nightly", "overnight"],
    ["week", "weeks", "weekly"],
    ["fortnight", "fortnights", "fortnightly"],
    ["month", "months", "monthly"],
    ["year", "years", "yearly", "annual", "annually"],
  ],
  [["front"], ["rear"]],
  [["left"], ["right"]],
  [["upper"], ["lower"]],
  [["inner"], ["inside"], ["outer"], ["outside"]],
];

/** Words of a text that follow a number ("8 year old" → year, "two nights" → nights), lower case. */
export function countedWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((_, index) => index > 0 && isNumber(words[index - 1]!));
}

/** "8", "two": a count ("a week pass" counts nothing: "a" is no number here). */
const isNumber = (word: string) => /^\d+$/u.test(word) || /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/u.test(word);

/** The closed slot a word is a value of, and which value ("weekly": periods, week), or undefined. */
function closedSlotOf(word: string): { slot: number; value: number } | undefined {
  for (const [slot, values] of CLOSED_SLOTS.entries()) {
    const value = values.findIndex((forms) => forms.includes(word));
    if (value >= 0) return { slot, value };
  }
  return undefined;
}

/**
 * Whether two different words are two values of one slot: two values of a closed set (CLOSED_SLOTS: "week" and
 * "day", "rear" and "front"), or two nouns naming two kinds of one thing (see SLOT_HOPS, SLOT_DEPTH).
 */
export function sameSlot(a: string, b: string): boolean {
  const [closedA, closedB] = [closedSlotOf(a), closedSlotOf(b)];
  if (closedA && closedB) return closedA.slot === closedB.slot && closedA.value !== closedB.value;
  const kinds = siblingKinds(a, b);
  return kinds !== undefined && kinds.hopsA <= SLOT_HOPS && kinds.hopsB <= SLOT_HOPS && kinds.depth >= SLOT_DEPTH;
}

/**
 * Whether a sentence of the table (or section) of a `dropped` one names another value of the slot `word` fills
 * ("Cat vaccination" after "Dog vaccination" was dropped for a kitten): it answers in that slot with a kind the question
 * does not rule out, rather than about something else that happens to state a price.
 */
export function fillsSlotOf(unit: AnswerUnit, dropped: AnswerUnit, word: string, question: readonly string[]): boolean {
  const sameTable = unit.table !== undefined && unit.table === dropped.table;
  const sameSection = unit.source === dropped.source && unit.section === dropped.section;
  return (sameTable || sameSection) && ownWords(unit).some((other) => isWord(other) && other !== word && !hasTerm(question, other) && sameSlot(word, other));
}
