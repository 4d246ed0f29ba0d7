import { sameStem } from "../answering/score-units";

/**
 * Two forms of one word for full-text search's word forms (word-forms.ts): English (sameStem, shared with extractive
 * answers) and Cyrillic-script languages. The index and the BM25 baseline see "файлами" and "файл" as unrelated
 * words; the visitor's question and the knowledge base often use different forms of the same word, and in languages
 * that inflect more than English this is most of the misses (bench/README.md, "Word forms in every language").
 * Latin-script words keep sameStem's English endings exactly: German and Romance endings pair English words too
 * ("list" ~ "listen", "modulo" ~ "module"), measured in bench/README.md.
 *
 * The rule is sameStem's: after the two words' common beginning (at least 4 letters), what is left of each is an
 * ending of the words' script. Endings are searched-text forms (lowercased and folded as the index folds them).
 * The common beginning may give back up to two letters to an ending, because the greedy common beginning of
 * "данного" and "данному" ("данно") leaves "го" / "му", where the endings are "ого" / "ому".
 *
 * Only the script of the words is used, never a guess of their language. Forms must exist in the knowledge base and
 * weigh FORM_WEIGHT, so a rare false pair costs little.
 */

/** Russian, Ukrainian and other Cyrillic noun, adjective and verb endings. */
const CYRILLIC: ReadonlyArray<ReadonlySet<string>> = [new Set([
  "", "а", "я", "о", "е", "ь", "ы", "и", "у", "ю", "й", "ой", "ей", "ью", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях",
  "ов", "ев", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ия", "ию", "ии", "иям", "иях", "ого", "его", "ому",
  "ему", "ым", "им", "ую", "юю", "ых", "их", "ыми", "ими", "ть", "ет", "ут", "ют", "ит", "ат", "ят", "ся", "ется",
  "ются", "ится", "ятся", "ает", "ают", "яет", "яют", "ать", "ять", "ить", "ание", "ания", "ение", "ения",
])];

/** Longest ending, in letters (word-forms.ts' prefix lookup must reach it). */
export const LONGEST_ENDING = Math.max(...CYRILLIC.flatMap((group) => [...group].map((ending) => [...ending].length)));

const MIN_STEM = 4;
/** Letters the greedy common beginning may give back to the endings. */
const GIVE_BACK = 2;

function endingsOf(word: string): ReadonlyArray<ReadonlySet<string>> | undefined {
  if (/\p{Script=Cyrillic}/u.test(word)) return CYRILLIC;
  return undefined;
}

/** Whether `a` and `b` are two forms of one word (see the module comment); sameStem's English pairs included. */
export function sameWordForm(a: string, b: string): boolean {
  if (a === b) return true;
  if (sameStem(a, b)) return true;
  const endings = endingsOf(a);
  if (!endings || endings !== endingsOf(b) || /\p{N}/u.test(a) || /\p{N}/u.test(b)) return false;
  const left = [...a];
  const right = [...b];
  const shorter = Math.min(left.length, right.length);
  if (shorter < MIN_STEM) return false;
  let common = 0;
  while (common < shorter && left[common] === right[common]) common += 1;
  const rests = (at: number) => [left.slice(at).join(""), right.slice(at).join("")] as const;
  for (let at = common; at >= Math.max(MIN_STEM, common - GIVE_BACK); at -= 1) {
    const [one, other] = rests(at);
    if (endings.some((group) => group.has(one) && group.has(other))) return true;
  }
  return false;
}
