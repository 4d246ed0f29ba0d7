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
export function namesOtherKind(unit: AnswerUnit, unknown: readonly string[], question: readonly string[], all: readonly AnswerUnit[]): string | undefined {
  if (!wordNetStatus().loaded) return undefined;
  const tableWords = unit.table === undefined ? [] : contentTerms(all.filter((other) => other.table === unit.table).map(withContext).join(" "));
  const asked = question.filter((term) => isWord(term) && (unknown.includes(term) || (unit.table !== undefined && !hasTerm(tableWords, term))));
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

/** Whether two different nouns are two values of one slot: two kinds of one thing (see SLOT_HOPS, SLOT_DEPTH). */
export function sameSlot(a: string, b: string): boolean {
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
