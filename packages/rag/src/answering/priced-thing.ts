import { commonRelation, wordNetBaseForms, wordNetStatus } from "../wording/wordnet";
import { tokenize } from "../retrieval/bm25";
import type { AnswerUnit } from "./answer-units";
import { hasTerm } from "./score-units";
import { contentTerms } from "./text-analysis";
import { unitOf } from "./value-ranges";
import type { WordNeighbours } from "./word-neighbours";

/**
 * The thing an English price question asks the price of, and the row that prices another kind of it: "how much is a
 * combination padlock" over "Disc padlock: £12", "how much to install a tankless water heater" over "40-gallon gas water
 * heater, installed: from $1,650". The row names the thing's head ("padlock", "heater") narrowed by a word of its own
 * ("disc", "gas") where the question narrows it by a word the row (and its table) never says ("combination",
 * "tankless"): the row prices another kind.
 */

/** Where the priced thing starts: after "how much is", "how much to fit", "price of", "what do you charge for/to replace". */
const PRICE_SHAPES: readonly RegExp[] = [
  /\bhow much\s+(?:would|will|does|do|is|are|was|'s|s)?\s*(?:it\s+)?(?:cost\s+)?(?:to\s+\p{L}+|for)?\s*(.+)$/iu,
  /\b(?:price|cost|fee|charge|rate)s?\s+(?:of|for)\s+(?:to\s+\p{L}+\s+)?(.+)$/iu,
  /\bwhat\s+do\s+(?:you|u)\s+charge\s+(?:for|to\s+\p{L}+)\s+(.+)$/iu,
  /\bwhat(?:'s|s|\s+is|\s+are|\s+does|\s+do)\s+(.+?)\s+(?:cost|costs|price|prices)\b/iu,
];

/** Words ending the phrase naming the thing (as key-subject.ts's ENDS_PHRASE), and a verb of price after it. */
const ENDS = new Set(
  ("for at in on to from with without by near while when if so because during over after before about via into " +
    "than or and but since until till like as per including inc who which that where whilst except instead cost costs " +
    "installed fitted done replaced each down up out off through").split(" "),
);
const DETERMINERS = new Set(["a", "an", "the", "my", "your", "our", "some", "any", "one", "new"]);

/** The words of the thing an English price question prices, in order, its head last; [] when no shape reads it. */
export function pricedThingWords(question: string): string[] {
  const text = question.replace(/[?!.]+\s*$/u, "");
  for (const shape of PRICE_SHAPES) {
    const match = shape.exec(text);
    if (!match) continue;
    const words: string[] = [];
    for (const word of match[1]!.split(/\s+/u).filter(Boolean)) {
      const lower = word.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, "");
      // "an hour of massage", "a week of boarding": a measure of the thing, which then follows (see asked-sizes.ts).
      if (lower === "of" && words.length === 1 && unitOf(words[0]!) !== null) {
        words.length = 0;
        continue;
      }
      if (ENDS.has(lower)) break;
      // "clearing a blocked drain": a determiner after words starts the object of the verb before it.
      if (DETERMINERS.has(lower)) {
        words.length = 0;
        continue;
      }
      words.push(word);
    }
    // A size is no kind ("50-gallon", "200 sq ft": asked-sizes.ts compares those); "a week pass" names one.
    const tokens = tokenize(words.join(" "));
    const sizes = new Set(tokens.filter((token, index) => /\p{N}/u.test(token) || (index > 0 && /^\d/u.test(tokens[index - 1]!) && unitOf(token) !== null)));
    const terms = contentTerms(words.join(" ")).filter((term) => !sizes.has(term));
    if (terms.length > 0) return terms;
  }
  return [];
}

/** Whether two words say the same ("yearly" ~ "annual", "intro" ~ "introductory", a word the model put near it). */
function sayTheSame(asked: string, own: string, neighbours?: WordNeighbours): boolean {
  if (hasTerm([own], asked) || hasTerm([asked], own)) return true;
  if (asked.length >= 4 && own.length >= 4 && (own.startsWith(asked) || asked.startsWith(own))) return true;
  if ((neighbours?.get(asked) ?? []).some((near) => hasTerm([own], near.word))) return true;
  if (commonRelation(asked, own) !== undefined) return true;
  return false;
}

/**
 * Whether a row writes a word as a name: capitalised after its cell's first word ("The Press Hall") or in capitals
 * ("MOT test"), or as whose the thing is ("Beginners' course"). A name is no kind a question's word can be the other
 * of: "the big event hall" may be the Press Hall.
 */
function isName(text: string, word: string): boolean {
  for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "giu"))) {
    const written = match[0];
    // "Beginners' course", "Children's menu": whom the thing is for, which a question says its own way ("the intro
    // course for newbies"), not a kind of it.
    if (/^['’]/u.test(text.slice(match.index + written.length))) return true;
    if (/^\p{Lu}{2,}$/u.test(written)) return true;
    if (/^\p{Lu}/u.test(written) && /\p{L}/u.test(text.slice(0, match.index))) return true;
  }
  return false;
}

/**
 * Whether a question's word narrows the thing to a kind: a noun ("combination", "gas") or a word WordNet does not know
 * ("tankless", a brand); not an adjective or adverb, which describe the thing rather than name a kind of it ("the big
 * hall", "a longer follow-up", "the yearly test", "the first visit"); nor the first word of a compound WordNet knows
 * ("crash course").
 */
function namesAKind(word: string, head: string): boolean {
  if (wordNetBaseForms(word).some((form) => form.pos === "adj" || form.pos === "adv")) return false;
  // "a crash course" is one noun of WordNet's, which a row may say in other words ("Intensive course").
  const heads = wordNetBaseForms(head).filter((form) => form.pos === "noun").map((form) => form.lemma);
  return !heads.some((lemma) => wordNetBaseForms(`${word}_${lemma}`).length > 0);
}

/**
 * The word a row (or sentence) narrows the asked thing's head with in place of the question's own: walking back from the
 * head as the row writes it over the words the question also has ("water" of "gas water heater"), the next word when it
 * is a word of the row's own (not the question's, not a number or unit). undefined when the row writes the head with no
 * such word.
 */
function ownModifier(phrases: readonly string[], head: string, question: readonly string[]): string | undefined {
  for (const phrase of phrases) {
    const own = ownModifierIn(phrase, head, question);
    if (own !== undefined) return own;
  }
  return undefined;
}

function ownModifierIn(text: string, head: string, question: readonly string[]): string | undefined {
  const tokens = tokenize(text);
  for (let index = 0; index < tokens.length; index += 1) {
    if (!hasTerm([tokens[index]!], head)) continue;
    let before = index - 1;
    while (before >= 0 && hasTerm(question, tokens[before]!)) before -= 1;
    const word = tokens[before];
    if (word !== undefined && /^\p{L}{3,}$/u.test(word) && contentTerms(word).length > 0 && unitOf(word) === null && !isName(text, word)) return word;
  }
  return undefined;
}

/**
 * A sentence's label: the words before its first colon or dash ("Disc padlock: £12"); undefined for a sentence with
 * none, whose word before a noun may be any word ("We install and repair water heaters").
 */
function labelOf(text: string): string | undefined {
  const match = /^([^:–—]{3,60}?)\s*(?::|–|—|\s-\s)/u.exec(text.trim());
  return match?.[1];
}

/**
 * The row's own word for the kind where the question's word is said by no sentence of its table (or its section): the
 * row prices another kind of the thing. `thing` is pricedThingWords; `said` the words of the row's table or section.
 */
export function pricesOtherModifier(input: {
  thing: readonly string[];
  unit: AnswerUnit;
  said: readonly string[];
  question: readonly string[];
  neighbours?: WordNeighbours;
}): { asked: string; own: string } | undefined {
  const { thing, unit, said, question, neighbours } = input;
  if (thing.length < 2 || !wordNetStatus().loaded) return undefined;
  const head = thing.at(-1)!;
  // A row's cells, each a phrase of its own (its heading is another: "Our pricing: Sewer camera inspection"); a
  // sentence's label.
  const label = unit.fields ? undefined : labelOf(unit.text);
  const phrases = unit.fields ? unit.fields.map((field) => field.value) : label === undefined ? pricedPhrases(unit.text) : [label];
  // The row may name the head in the question's other words ("Kennel cough vaccine" for a "rabies jab"): its word then.
  const says = (word: string) => phrases.some((phrase) => hasTerm(contentTerms(phrase), word));
  const rowHead = says(head) ? head : (neighbours?.get(head) ?? []).map((near) => near.word).find(says);
  if (rowHead === undefined) return undefined;
  const unsaid = thing.slice(0, -1).filter((word) => /^\p{L}{3,}$/u.test(word) && namesAKind(word, head) && !hasTerm(said, word) && !(neighbours?.get(word) ?? []).some((near) => hasTerm(said, near.word)));
  if (unsaid.length === 0) return undefined;
  const own = ownModifier(phrases, rowHead, question);
  if (own === undefined) return undefined;
  const asked = unsaid.find((word) => !sayTheSame(word, own, neighbours));
  return asked === undefined ? undefined : { asked, own };
}

/** "a disc padlock €12", "A small box is €2.50": the words right before a price in running text. */
function pricedPhrases(text: string): string[] {
  return text.split(/[,;]|\band\b/u).flatMap((part) => {
    const match = /^(.*?)(?:\s(?:is|are|costs?|at|for))?\s*(?:[€$£]\s?\d|\d[\d.,]*\s?(?:€|eur\b|euros?\b|dollars?\b|pounds?\b))/iu.exec(part.trim());
    return match && match[1]!.trim() ? [match[1]!.trim()] : [];
  });
}
