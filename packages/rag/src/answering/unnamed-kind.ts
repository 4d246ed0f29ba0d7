import type { AnswerUnit } from "./answer-units";
import { hasTerm, wordsOf } from "./score-units";
import { answerTokens } from "../retrieval/bm25";

/**
 * Whether a question asks about a kind of thing the chosen section talks about but no source read names: the head of
 * the thing it asks about ("tyres" of "Pirelli tyres", "printer" of "a 3D printer", "visits" of "home visits") is named
 * in the section, in its own words, while a word that narrows it ("Pirelli", "3D", "home") is named by no sentence read
 * (an unknown term) and carries the question. The section then speaks of other kinds ("We stock Michelin, Continental
 * and budget tyres"), which says nothing of the one asked about. A thing whose head the section does not name itself
 * ("cardboard cartons" over "We sell boxes") is left to the rules that read meaning: the section may name it by a
 * broader word.
 *
 * `subject` is the thing's words in order (keySubjectWords: English noun phrases end in their head); `carries` says
 * whether taking a word out moves the question (see CARRYING_WORD_SHIFT).
 */
export function asksUnnamedKind(input: {
  question: string;
  subject: readonly string[];
  unknown: readonly string[];
  section: readonly AnswerUnit[];
  carries: (word: string) => boolean;
}): boolean {
  const { question, subject, unknown, section, carries } = input;
  if (subject.length < 2) return false;
  const head = subject.at(-1)!;
  if (unknown.includes(head)) return false;
  const named = section.flatMap((unit) => [...wordsOf(question, unit.text), ...(unit.context ? wordsOf(question, unit.context) : [])]);
  if (!hasTerm(named, head)) return false;
  return modifiersOf(question, subject).some((word) => unknown.includes(word) && carries(word));
}

/**
 * The words of the thing asked about written right before its head, in the question's own order ("bosch tankless
 * water" of "Bosch tankless water heaters"): they narrow the head. "rays" of "a copy of my X-rays" is no head of
 * "copy": the two are not next to each other.
 */
function modifiersOf(question: string, subject: readonly string[]): string[] {
  const tokens = answerTokens(question);
  const head = tokens.lastIndexOf(subject.at(-1)!);
  const modifiers: string[] = [];
  for (let index = head - 1; index >= 0 && subject.includes(tokens[index]!); index -= 1) modifiers.push(tokens[index]!);
  return modifiers;
}
