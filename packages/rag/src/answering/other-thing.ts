import { namesKindOf, siblingKinds, wordNetBaseForms, wordNetStatus } from "../wording/wordnet";
import { askedVerb, keySubjectWords } from "./key-subject";
import { sameSlot } from "./other-kind";
import { hasTerm } from "./score-units";
import { contentTerms } from "./text-analysis";
import type { WordNeighbours } from "./word-neighbours";

/**
 * Two ways a section read answers the same question about another thing than the one an English yes/no question asks
 * about (its thing: keySubjectWords). Both read WordNet, so both say nothing until it is in memory.
 */

/** Whether the section names the thing asked about: a word of it, a word the model matched to it, or a kind of it ("tortoises" for "reptiles"). */
function namesThing(thing: readonly string[], sectionWords: readonly string[], neighbours?: WordNeighbours): boolean {
  return thing.some(
    (term) =>
      hasTerm(sectionWords, term) ||
      (neighbours?.get(term) ?? []).some((near) => hasTerm(sectionWords, near.word)) ||
      sectionWords.some((word) => namesKindOf(word, term)),
  );
}

/**
 * An FAQ entry asking the visitor's question about another thing: "Can I bring my dog?" for "can I bring my cat",
 * "Can I pay in instalments?" for "can i pay by bank transfer", "Do you sell gift vouchers?" for "Do you sell yoga
 * mats?". The entry's question has the visitor's verb and a thing of its own sharing no word with the visitor's
 * question; every other word of the visitor's question is in the entry, so the two differ only in the thing; and the
 * entry (its question and answer) never names the visitor's thing. The model puts such an entry near the question
 * (0.65 for the dog entry) since all but one word agree, yet it answers only about its own thing.
 * Not when the thing holds a word WordNet does not know (an abbreviation, a brand: it may be the entry's thing in
 * other words), nor when another word of the question is missing from the entry ("a letter from my physician" over
 * "Do I need a referral from my GP?": the whole question is said in other words, a paraphrase).
 */
export function faqAsksOtherThing(input: {
  question: string;
  thing: readonly string[];
  /** The FAQ question the chosen sentence answers. */
  entryQuestion: string;
  /** The content words of the entry: its question and its answer's sentences. */
  sectionWords: readonly string[];
  neighbours?: WordNeighbours;
}): boolean {
  const { question, thing, entryQuestion, sectionWords, neighbours } = input;
  if (thing.length === 0 || !wordNetStatus().loaded) return false;
  const [asked, theirs] = [askedVerb(question), askedVerb(entryQuestion)];
  if (asked === undefined || theirs === undefined || !hasTerm([theirs], asked)) return false;
  const entryThing = keySubjectWords(entryQuestion);
  const words = contentTerms(question);
  if (entryThing.length === 0 || entryThing.some((term) => hasTerm(words, term))) return false;
  if (thing.some((term) => wordNetBaseForms(term).length === 0)) return false;
  if (!words.filter((term) => !thing.includes(term)).every((term) => hasTerm(sectionWords, term))) return false;
  return !namesThing(thing, sectionWords, neighbours);
}

/**
 * The word of a section naming another kind of the thing asked about in its place: "Dinner: We cater for … vegan …
 * diets" for "Do you do a vegan breakfast?", "Can I bring my dog? Well-behaved dogs are welcome" for "can I bring my
 * cat". The thing's head (its last word: English noun phrases end in it) is not named by the section, nor by a word the
 * model matched to it or a kind of it, while a word of the section not in the question is another kind of the same thing
 * at the same level below their nearest shared kind (sameSlot, and as many hops from each: "breakfast" and "dinner" are
 * both one hop below "meal"; "pet" is one hop below "animal" and "dog" two, so a sentence about pets is no other kind
 * of dog). undefined when there is none.
 */
export function siblingNamedInstead(thing: readonly string[], question: string, sectionWords: readonly string[], neighbours?: WordNeighbours): string | undefined {
  const head = thing.at(-1);
  if (head === undefined || !wordNetStatus().loaded || namesThing([head], sectionWords, neighbours)) return undefined;
  const words = contentTerms(question);
  return sectionWords.find((word) => {
    if (!/^\p{L}{3,}$/u.test(word) || hasTerm(words, word) || !sameSlot(head, word)) return false;
    const kinds = siblingKinds(head, word);
    return kinds !== undefined && kinds.hopsA === kinds.hopsB;
  });
}

/** An item of a list: one to three words, none a conjunction ("credit cards", "Apple Pay", "bubble wrap"). */
const ITEM = "(?:(?!and\\b|or\\b)[\\p{L}'’-]+\\s){0,2}(?!and\\b|or\\b)[\\p{L}'’-]+";
/** "A, B and C", "A, B, or C", "A, B, C": three short items or more, the last after a comma or "and"/"or". */
const LIST = new RegExp(`(?:^|[\\s:])${ITEM},\\s(?:${ITEM},\\s)*${ITEM},?\\s(?:and|or)\\s${ITEM}(?=[\\s.,;!]|$)`, "iu");

/**
 * A sentence listing the things of the kind asked about, the visitor's thing not among them: "We accept debit and
 * credit cards, Apple Pay and Google Pay" for "can I pay by bank transfer", "We take up hems, take in waists and replace
 * buttons" for "do you repair zips". The thing's head is said by no sentence read (`unknown`) and the section names
 * none of the thing's words, no word the model matched to them and no kind of them: the list says what is done or
 * taken, and the thing is not in it.
 */
export function listsOtherThings(input: {
  thing: readonly string[];
  unknown: readonly string[];
  sentence: string;
  sectionWords: readonly string[];
  neighbours?: WordNeighbours;
}): boolean {
  const { thing, unknown, sentence, sectionWords, neighbours } = input;
  const head = thing.at(-1);
  if (head === undefined || !wordNetStatus().loaded || !LIST.test(sentence)) return false;
  // "do you sell second hand bikes" over "We sell new road, gravel, city and electric bikes": the list names the head
  // with its kinds, and a noun narrowing the thing is said by no sentence read.
  if (!unknown.includes(head)) {
    return hasTerm(contentTerms(sentence), head) && thing.slice(0, -1).some((word) => unknown.includes(word) && isNoun(word));
  }
  // "We sell boxes, tape, …" names "cartons" by a broader kind of it.
  return isNoun(head) && !namesThing(thing, sectionWords, neighbours) && !sectionWords.some((word) => namesKindOf(head, word));
}

/**
 * Only a thing can be left out of a list: a noun of WordNet's, not a word saying how something is ("freezing", "cold")
 * nor a name it does not know ("amex": a card the list may name in full).
 */
function isNoun(word: string): boolean {
  const forms = wordNetBaseForms(word);
  return forms.some((form) => form.pos === "noun") && !forms.some((form) => form.pos === "adj");
}
