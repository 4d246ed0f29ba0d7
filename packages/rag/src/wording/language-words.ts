import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { foldAccents } from "./fold-accents";
import { wordHash as hashOf } from "./word-hash";
import { warmGermanVerbs } from "./german-verbs";
import type { ReplyLanguage } from "../answering/question-language";

const require = createRequire(import.meta.url);

/**
 * Words of French and Spanish (MIT word lists: `an-array-of-french-words`, 336,000 words, and
 * `an-array-of-spanish-words`, 636,000 words with every verb form; the Spanish list writes no accent on vowels): a
 * word of the question's language that the knowledge base lacks is a word, not a typo ("s'il pleut" is no slip of
 * "peut", "casse" none of "classe"), and a question of content words only ("horaires accueil juillet", "precio clases
 * particulares") is told from English by them (question-language.ts). German has no such list under a permissive
 * licence (the Hunspell dictionaries are GPL, german-pos-dict's export CC-BY-SA), so German questions go without.
 *
 * Each list is read once, when first needed, and kept as the sorted 32-bit hashes of its folded words (lower case,
 * no diacritics): 1.3 + 2.5 MB. As sets of strings the two lists took 39 + 75 MB of heap and 1.0 + 1.3 s to read on
 * a busy machine; hashed, ~0.3 s each (measured with the tests). A word not in a list matches one of its hashes with
 * a chance of ~1 in 7,000 (636,000 hashes of 2^32): rare enough for a guard and a vote. The API reads them at start
 * (warmLanguageWords), as it does the English list: an English question of content words only ("parking?") reads
 * them too (question-language.ts), so the first visitor would otherwise wait for them.
 */
const LISTS: Partial<Record<ReplyLanguage, string>> = {
  fr: "an-array-of-french-words",
  es: "an-array-of-spanish-words",
};

const loaded = new Map<ReplyLanguage, Uint32Array>();

/** Lower case, no diacritics; most words of the lists are plain ASCII and skip the normalising. */
const fold = (word: string) => (/^[a-z-]*$/u.test(word) ? word : foldAccents(word));

/** Lists already warned about: a missing one is named once, not on every question that reads it. */
const warned = new Set<string>();

/**
 * A list's file, or undefined when its package is not installed (a checkout not yet `npm install`ed): no list then,
 * and one warning, as german-verbs.ts gives: without it, French and Spanish words would be "corrected" as typos and
 * content-word questions read as English with nothing saying why.
 */
function listFile(list: string): string | undefined {
  try {
    return require.resolve(list);
  } catch {
    if (!warned.has(list)) console.warn(`${list} is not installed: its language's words are read without a word list`);
    warned.add(list);
    return undefined;
  }
}

function hashesOf(language: ReplyLanguage, list: string): Uint32Array {
  let hashes = loaded.get(language);
  if (!hashes) {
    const file = listFile(list);
    const words = file === undefined ? [] : (JSON.parse(readFileSync(file, "utf8")) as string[]);
    hashes = Uint32Array.from(words, (word) => hashOf(fold(word))).sort();
    loaded.set(language, hashes);
  }
  return hashes;
}

/** Hashes added between two turns of the event loop while warming. */
const WARM_BATCH = 20_000;

/**
 * Reads the lists in the background: each file asynchronously, its words hashed in batches that leave the event loop
 * to requests in between (the JSON parse itself holds it ~0.1–0.3 s a list). A question that needs a list before it
 * is read reads it itself. Calling it again is free.
 */
let warming: Promise<void> | undefined;
export function warmLanguageWords(): Promise<void> {
  warming ??= (async () => {
    for (const [language, list] of Object.entries(LISTS) as [ReplyLanguage, string][]) {
      const file = listFile(list);
      if (loaded.has(language) || file === undefined) continue;
      const words = JSON.parse(await readFile(file, "utf8")) as string[];
      const hashes = new Uint32Array(words.length);
      for (let at = 0; at < words.length; at += 1) {
        hashes[at] = hashOf(fold(words[at]!));
        if (at % WARM_BATCH === WARM_BATCH - 1) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (!loaded.has(language)) loaded.set(language, hashes.sort());
    }
    // German has no word list here, but its verb forms (german-verbs.ts) are read by answering alike.
    await warmGermanVerbs();
  })();
  return warming;
}

/** Whether `word` is a word of `language` by its word list; false for a language without one. */
export function isWordOfLanguage(language: ReplyLanguage, word: string): boolean {
  const list = LISTS[language];
  if (list === undefined) return false;
  const hashes = hashesOf(language, list);
  const wanted = hashOf(fold(word));
  let low = 0;
  let high = hashes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const hash = hashes[middle]!;
    if (hash === wanted) return true;
    if (hash < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** The languages with a word list here. */
export const LISTED_LANGUAGES = Object.keys(LISTS) as ReplyLanguage[];
