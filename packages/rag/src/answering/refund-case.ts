import { commonRelation, dominantRelation, senseCount, wordNetBaseForms } from "../wording/wordnet";
import { tokenize } from "../retrieval/bm25";
import { askingClause } from "./asking-sentence";
import { CASE_AUX, CASE_DETERMINERS, CASE_PERSON, CASE_PERSON_BE, CASE_STATE_VERBS, ENDS_PHRASE, PARTICLES, PLACES } from "./key-subject";
import { FEW_SENSES } from "./wordnet-neighbours";

/** "do I get money back if I pick my dog up early": the case follows "if". */
const IF_CASE = /\bif\s+(.+)$/iu;
/**
 * Verbs of a state of mind ("if I don't like it", "if we no longer need it"): the visitor's judgement of what was
 * bought, which no sentence names as a case; the refund terms of the thing answer it.
 */
const STATIVE = new Set("like likes liked love loves loved hate hates hated dislike dislikes disliked enjoy enjoys enjoyed want wants wanted need needs needed prefer prefers preferred mind minds think thinks feel feels".split(" "));
/** How far after its verb a particle is still the verb's ("pick my dog up"): a determiner and a noun or two between. */
const PARTICLE_REACH = 4;

/** A word and its WordNet base forms ("cancelled" → cancel, "picks" → pick). */
function formsOf(word: string): string[] {
  return [...new Set([word, ...wordNetBaseForms(word).map((form) => form.lemma)])];
}

/**
 * The case an English question about a refund names after "if", as its verb: the verb after who does it ("if I cancel a
 * month before" → ["cancel"]), or the verb with its particle as WordNet lists the two ("if I pick my dog up early" →
 * ["pick_up"], "if I bring the bike back early" → ["bring_back"]): "pick up" is collecting, and "pick" alone is no case.
 * Each base form is a way to say it. undefined when the case is a state ("if I'm ill", "if it gets cancelled") or its
 * shape is not one read here.
 */
export function refundCaseVerb(question: string): string[] | undefined {
  const asked = IF_CASE.exec(askingClause(question).trim().replace(/[?？!.]+$/u, "").trim());
  if (!asked) return undefined;
  const words = asked[1]!.toLowerCase().replace(/[’`]/gu, "'").split(/[\s,;:]+/u).filter(Boolean);
  let at = CASE_PERSON.has(words[0]!) ? 1 : CASE_DETERMINERS.has(words[0]!) ? 2 : -1;
  if (at < 0 || CASE_PERSON_BE.has(words[0]!)) return undefined;
  while (at < words.length && CASE_AUX.has(words[at]!)) at += 1;
  const verb = words[at];
  if (verb === undefined || CASE_STATE_VERBS.has(verb) || STATIVE.has(verb) || CASE_PERSON.has(verb) || CASE_DETERMINERS.has(verb) || !/^\p{L}+$/u.test(verb)) return undefined;
  if (!wordNetBaseForms(verb).some((form) => form.pos === "verb")) return undefined;
  // The particle right after the verb, or after its object ("pick my dog up"), before the phrase ends.
  for (const word of words.slice(at + 1, at + 1 + PARTICLE_REACH)) {
    if (PARTICLES.has(word) && !PLACES.has(word)) {
      const lemmas = formsOf(verb).map((base) => `${base}_${word}`).filter((lemma) => senseCount(lemma) > 0);
      return lemmas.length > 0 ? lemmas : undefined;
    }
    if (ENDS_PHRASE.has(word)) break;
  }
  return formsOf(verb);
}

/** Whether two WordNet lemmas mean the same: by any sense for lemmas of few senses, by the most frequent otherwise. */
function sameMeaning(a: string, b: string): boolean {
  if (a === b) return true;
  const relation = senseCount(a) <= FEW_SENSES && senseCount(b) <= FEW_SENSES ? commonRelation : dominantRelation;
  return relation(a, b) !== undefined;
}

/**
 * Whether a text says the case (refundCaseVerb's forms): one of its words or adjacent pairs is the case in one of its
 * base forms or means the same ("cancel" ~ "cancellation", "pick_up" ~ "collect"). A related word of the case's verb
 * alone does not count: "pick" said of something else is not "pick up".
 */
export function saysCase(caseForms: readonly string[], text: string): boolean {
  const tokens = tokenize(text);
  const said = new Set<string>();
  for (let at = 0; at < tokens.length; at += 1) {
    for (const form of formsOf(tokens[at]!)) said.add(form);
    const next = tokens[at + 1];
    if (next !== undefined) for (const base of formsOf(tokens[at]!)) said.add(`${base}_${next}`);
  }
  return caseForms.some((form) => [...said].some((word) => word.length >= 3 && (word === form || ((senseCount(word) > 0) && sameMeaning(form, word)))));
}
