import { sameStem } from "../answering/score-units";

/**
 * Two forms of one word for full-text search's word forms (word-forms.ts), in the languages whose inflections are
 * endings: English (sameStem, shared with extractive answers), other Latin-script languages and Cyrillic ones. The
 * index and the BM25 baseline see "Dateien" and "Datei", "archivos" and "archivo", "файлами" and "файл" as unrelated
 * words; the visitor's question and the knowledge base often use different forms of the same word, and in languages
 * that inflect more than English this is most of the misses (bench/README.md, "Word forms in every language").
 *
 * The rule is sameStem's: after the two words' common beginning (at least 4 letters), what is left of each is an
 * ending of the words' script. Endings are searched-text forms (lowercased, diacritics folded: "ción" is "cion").
 * In Cyrillic the common beginning may give back up to two letters to an ending, because the greedy common
 * beginning of "данного" and "данному" ("данно") leaves "го" / "му", where the endings are "ого" / "ому".
 *
 * Only the script of the words is used, never a guess of their language: a German ending is also tried on French
 * words. Forms must exist in the knowledge base and weigh FORM_WEIGHT, so a rare false pair costs little.
 */

/**
 * Endings of other Latin-script languages, folded; a pair of forms takes both its endings from one group (English
 * is sameStem's), since endings mixed across languages pair unrelated English words ("posix" ~ "position",
 * "conversion" ~ "conversation"). Endings that also end English words often ("-ar": "line" ~ "linear", "-x",
 * "-tion", "-ent", Italian "-i") are left out.
 */
const LATIN: ReadonlyArray<ReadonlySet<string>> = [
  // German / Dutch: plurals, cases and adjective endings, "-ung(en)" nouns of verbs ("Änderung" ~ "ändern").
  new Set(["", "e", "en", "n", "em", "er", "ern", "es", "s", "ung", "ungen"]),
  // Spanish / Portuguese: gender and number ("archivo" ~ "archivos" ~ "archiva"), third persons plural ("muestra" ~
  // "muestran"), past participles.
  new Set(["", "a", "o", "as", "os", "s", "es", "an", "en", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"]),
  // French: gender and number, past participles ("créé" ~ "créées"). Its third person plural "-ent" pairs English
  // words ("consists" ~ "consistent"), so it is left out.
  new Set(["", "e", "es", "s", "ee", "ees"]),
];

/** Russian, Ukrainian and other Cyrillic noun, adjective and verb endings. */
const CYRILLIC: ReadonlyArray<ReadonlySet<string>> = [new Set([
  "", "а", "я", "о", "е", "ь", "ы", "и", "у", "ю", "й", "ой", "ей", "ью", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях",
  "ов", "ев", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ия", "ию", "ии", "иям", "иях", "ого", "его", "ому",
  "ему", "ым", "им", "ую", "юю", "ых", "их", "ыми", "ими", "ть", "ет", "ут", "ют", "ит", "ат", "ят", "ся", "ется",
  "ются", "ится", "ятся", "ает", "ают", "яет", "яют", "ать", "ять", "ить", "ание", "ания", "ение", "ения",
])];

/** Longest ending of either list, in letters (word-forms.ts' prefix lookup must reach it). */
export const LONGEST_ENDING = Math.max(...[...LATIN, ...CYRILLIC].flatMap((group) => [...group].map((ending) => [...ending].length)));

const MIN_STEM = 4;

interface Script {
  groups: ReadonlyArray<ReadonlySet<string>>;
  /**
   * Letters the greedy common beginning may give back to the endings. Not in Latin script: there "parse" ~
   * "parser" and "handle" ~ "handler" ("pars" + "e" / "er") would pair an English verb with its agent noun, another
   * function or class in technical text (it cost docstrings 0.004 nDCG@10); German and Romance forms share the
   * stem's last letter.
   */
  giveBack: number;
}

const SCRIPTS: ReadonlyArray<{ test: RegExp; script: Script }> = [
  { test: /\p{Script=Cyrillic}/u, script: { groups: CYRILLIC, giveBack: 2 } },
  { test: /\p{Script=Latin}/u, script: { groups: LATIN, giveBack: 0 } },
];

function scriptOf(word: string): Script | undefined {
  return SCRIPTS.find(({ test }) => test.test(word))?.script;
}

/** Whether `a` and `b` are two forms of one word (see the module comment); sameStem's English pairs included. */
export function sameWordForm(a: string, b: string): boolean {
  if (a === b) return true;
  if (sameStem(a, b)) return true;
  const script = scriptOf(a);
  if (!script || script !== scriptOf(b) || /\p{N}/u.test(a) || /\p{N}/u.test(b)) return false;
  const left = [...a];
  const right = [...b];
  const shorter = Math.min(left.length, right.length);
  if (shorter < MIN_STEM) return false;
  let common = 0;
  while (common < shorter && left[common] === right[common]) common += 1;
  const rests = (at: number) => [left.slice(at).join(""), right.slice(at).join("")] as const;
  for (let at = common; at >= Math.max(MIN_STEM, common - script.giveBack); at -= 1) {
    const [one, other] = rests(at);
    if (script.groups.some((group) => group.has(one) && group.has(other))) return true;
  }
  return false;
}
