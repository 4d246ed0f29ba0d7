import { irregularPlurals, irregularVerbs, type PartOfSpeech } from "./files";

/** A word's dictionary form for one part of speech: "children" → child (noun), "fixed" → fix (verb). */
export interface BaseForm {
  lemma: string;
  pos: PartOfSpeech;
}

/**
 * WordNet's detachment rules (morphy): an ending replaced by another gives a candidate base form, kept when WordNet
 * knows it for that part of speech. Beyond morphy's own rules: a doubled final consonant before -ed/-ing/-er/-est
 * ("stopped", "bigger", which WordNet lists one by one in its exception files) and -ied/-ier/-iest → -y.
 */
const DETACHMENTS: Record<PartOfSpeech, readonly (readonly [string, string])[]> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""], ["ied", "y"]],
  adj: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"], ["ier", "y"], ["iest", "y"]],
  adv: [],
};
const DOUBLED: Record<PartOfSpeech, readonly string[]> = { noun: [], verb: ["ed", "ing"], adj: ["er", "est"], adv: [] };

/** English's irregular comparatives (a closed class; WordNet's adj.exc lists them among its spelling exceptions). */
const IRREGULAR_COMPARISON: Record<string, readonly string[]> = {
  better: ["good", "well"], best: ["good", "well"], worse: ["bad"], worst: ["bad"], further: ["far"], farther: ["far"],
  furthest: ["far"], farthest: ["far"], more: ["much", "many"], most: ["much", "many"], less: ["little"], least: ["little"],
};

let exceptions: Record<PartOfSpeech, Map<string, string[]>> | undefined;

/** Irregular form → base forms, per part of speech, from WordNet's exception lists (read once). */
function exceptionLists(): Record<PartOfSpeech, Map<string, string[]>> {
  if (!exceptions) {
    const noun = new Map<string, string[]>();
    for (const [singular, plural] of Object.entries(irregularPlurals())) add(noun, plural, singular);
    const verb = new Map<string, string[]>();
    for (const [base, forms] of Object.entries(irregularVerbs())) for (const pair of forms) for (const form of pair) if (form !== base) add(verb, form, base);
    exceptions = { noun, verb, adj: new Map(Object.entries(IRREGULAR_COMPARISON).map(([form, bases]) => [form, [...bases]])), adv: new Map() };
  }
  return exceptions;
}

function add(map: Map<string, string[]>, form: string, base: string): void {
  const list = map.get(form);
  if (!list) map.set(form, [base]);
  else if (!list.includes(base)) list.push(base);
}

/**
 * The base forms of a word WordNet knows (`known(lemma, pos)`), for each part of speech: the word itself when it is
 * a lemma, its irregular base forms, and what the detachment rules leave of it. "leaves" → leaf (noun), leave (verb).
 */
export function baseForms(word: string, known: (lemma: string, pos: PartOfSpeech) => boolean): BaseForm[] {
  const found: BaseForm[] = [];
  const keep = (lemma: string, pos: PartOfSpeech) => {
    if (lemma.length > 0 && known(lemma, pos) && !found.some((form) => form.lemma === lemma && form.pos === pos)) found.push({ lemma, pos });
  };
  const lists = exceptionLists();
  // A word that is a lemma itself is no comparative: "offer" is not more "off", "butter" not more "butt".
  const isLemma = (["noun", "verb", "adj", "adv"] as const).some((pos) => known(word, pos));
  for (const pos of ["noun", "verb", "adj", "adv"] as const) {
    keep(word, pos);
    for (const base of lists[pos].get(word) ?? []) keep(base, pos);
    if (pos === "adj" && isLemma) continue;
    for (const [ending, replacement] of DETACHMENTS[pos]) if (word.endsWith(ending) && word.length > ending.length + 1) keep(word.slice(0, -ending.length) + replacement, pos);
    for (const ending of DOUBLED[pos]) {
      const stem = word.slice(0, -ending.length);
      if (word.endsWith(ending) && stem.length >= 3 && stem.at(-1) === stem.at(-2) && !/[aeiou]/.test(stem.at(-1)!)) keep(stem.slice(0, -1), pos);
    }
  }
  return found;
}
