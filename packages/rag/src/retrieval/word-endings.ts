import { sameStem } from "../answering/score-units";
import { sameArabicForm } from "./arabic-forms";
import { sameHebrewForm } from "./hebrew-forms";

/**
 * Two forms of one word for full-text search's word forms (word-forms.ts), in the languages whose inflections are
 * endings: English (sameStem, shared with extractive answers), other Latin-script languages, Cyrillic, Greek and Georgian ones; and
 * Arabic-script words, whose forms differ at both ends (arabic-forms.ts). The
 * index and the BM25 baseline see "Dateien" and "Datei", "archivos" and "archivo", "файлами" and "файл" as unrelated
 * words; the visitor's question and the knowledge base often use different forms of the same word, and in languages
 * that inflect more than English this is most of the misses (bench/README.md, "Word forms in every language").
 *
 * The rule is sameStem's: after the two words' common beginning (at least 4 letters), what is left of each is an
 * ending of the words' script. Endings are searched-text forms (lowercased, diacritics folded: "ción" is "cion").
 * In Cyrillic the common beginning may give back up to two letters to an ending, because the greedy common
 * beginning of "данного" and "данному" ("данно") leaves "го" / "му", where the endings are "ого" / "ому".
 *
 * The script of the words chooses the lists, never a guess of their language: a German ending is also tried on
 * French words. Only the Czech/Polish, Hungarian and Turkish endings, short and stacked, also ask for a letter of those
 * languages in the question (EndingGroup.markers). Forms must exist in the knowledge base and weigh FORM_WEIGHT, so
 * a rare false pair costs little.
 */

/**
 * A group of endings: pairs take both endings from one group, whose words share at least `minStem` letters. A group
 * with `markers` (letters of its languages that folding keeps and English never writes: Turkish "ı", Czech "ř",
 * Polish "ł", Hungarian "ő") applies only when the question (or, with no question, one of the two words) holds one:
 * their endings are short and would otherwise pair English, German and Romance words ("definida" ~ "define").
 */
interface EndingGroup {
  endings: ReadonlySet<string>;
  minStem: number;
  markers?: RegExp;
  /** Letters of the common beginning this group's endings may take back, besides the script's (Script.giveBack). */
  giveBack?: number;
  /** When set, one of the pair's two endings must be one of these. */
  oneOf?: ReadonlySet<string>;
}

/** Nouns of action Spanish makes of a verb of the first conjugation's stem. */
const SPANISH_VERBAL_NOUNS = ["amiento", "amientos", "acion", "aciones"];

const MIN_STEM = 4;
/**
 * Groups whose endings stack or are short and common at the end of English words ("form" + "at", "hand" + "ler",
 * "pack" + "et", "line" + "ar") need a longer common beginning: English pairs of that kind are nearly all on
 * stems of 4 letters, and the agglutinative and Nordic stems they serve are mostly longer.
 */
const LONG_STEM = 5;
const HUNGARIAN_STEM = 6;
/** Longest stacked Turkish ending kept ("-larından"): word-forms.ts looks forms up by the word less its longest ending. */
const MAX_TURKISH_ENDING = 8;

const group = (endings: Iterable<string>, minStem = MIN_STEM, markers?: RegExp): EndingGroup => ({ endings: new Set(endings), minStem, markers });

/** Every concatenation of one part of each list: the endings of languages that stack suffixes (number, then case). */
function stacked(...lists: ReadonlyArray<readonly string[]>): string[] {
  return lists.reduce<string[]>((endings, list) => endings.flatMap((ending) => list.map((part) => ending + part)), [""]);
}

/**
 * Endings of other Latin-script languages, folded; a pair of forms takes both its endings from one group (English
 * is sameStem's), since endings mixed across languages pair unrelated English words ("posix" ~ "position",
 * "conversion" ~ "conversation"). Endings that also end English words often ("-ar": "line" ~ "linear", "-x",
 * "-tion", "-ent", Italian "-i") are left out of the groups of 4-letter stems.
 */
const LATIN: readonly EndingGroup[] = [
  // German / Dutch: plurals, cases and adjective endings, "-ung(en)" nouns of verbs ("Änderung" ~ "ändern").
  group(["", "e", "en", "n", "em", "er", "ern", "es", "s", "ung", "ungen"]),
  // Spanish / Portuguese: gender and number ("archivo" ~ "archivos" ~ "archiva"), third persons plural ("muestra" ~
  // "muestran"), past participles.
  group(["", "a", "o", "as", "os", "s", "es", "an", "en", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"]),
  // Spanish verbs of the first conjugation and the nouns of their stem: "aparcar" ~ "aparcamiento", "cancelar" ~
  // "cancelación", "reservado" ~ "reservación". One of the two is the noun: forms of the verb alone ("cambia" ~
  // "cambiar" ~ "cambiado") pair the many verbs of technical text and cost its search (bench/README.md). The shared
  // beginning may end in the verb's "a" ("aparca|r" ~ "aparca|miento"), which is given back.
  { ...group(["ar", "a", "as", "o", "os", "an", "amos", "ado", "ada", "ados", "adas", "ando", ...SPANISH_VERBAL_NOUNS], LONG_STEM), giveBack: 1, oneOf: new Set(SPANISH_VERBAL_NOUNS) },
  // French: gender and number, past participles ("créé" ~ "créées"). Its third person plural "-ent" pairs English
  // words ("consists" ~ "consistent"), so it is left out.
  group(["", "e", "es", "s", "ee", "ees"]),
  // Czech, Slovak, Polish: case endings of nouns and adjectives, infinitives and verbal nouns ("soubor" ~
  // "souboru" ~ "soubory", "czcionka" ~ "czcionki" ~ "czcionkami", "tworzenie" ~ "tworzenia").
  // Polish "-ić" / "-ać" fold to English "-ic" / "-ac" ("class" ~ "classic") and are left out, as are "-o", "-em"
  // ("theory" ~ "theorem") and "-ów", which folds to "-ow" ("shall" ~ "shallow").
  group(["", "a", "u", "y", "e", "i", "ou", "om", "owi", "ami", "ach", "ech", "ich", "ych", "ym", "ymi", "imi", "ego", "emu", "ej", "eho", "ie", "ia", "iu", "ą", "ę", "ě", "ů", "ům", "ovat", "uje", "uji", "owac", "anie", "enie", "ania", "enia", "ani", "eni"], LONG_STEM, /[řěůďťňľĺŕłąę]/u),
  // Hungarian: number, then case ("karakter" ~ "karakterek" ~ "karaktereket" ~ "karakterekben"); long vowels
  // fold. Cases that end English words are left out ("-on": "criterion", "-nál" / "-val": "internal" ~ "interval"),
  // and so are the possessives and the lone accusative "-t" ("modes" ~ "modest"); the lone plural "-k" ("print" ~
  // "printk") asks for a stem of 6.
  group(stacked(["", "k", "ok", "ek", "ak"], ["", "at", "et", "ot", "ban", "ben", "ba", "be", "bol", "ből", "rol", "ről", "tol", "től", "nak", "nek", "hoz", "hez", "ig", "kent", "ert", "va", "ve", "ka", "ke"]), HUNGARIAN_STEM, /[őű]/u),
  // Turkish: number, possessive, then case ("dosya" ~ "dosyalar" ~ "dosyaları" ~ "dosyalarını" ~ "dosyayı"), and
  // verbal nouns; ü, ö and ç fold. The aorist's "-r" / "-ir" / "-ar" would pair English agent nouns and "-te" / "-ta"
  // English verbs ("formula" ~ "formulate"); they are left out.
  group([
    ...stacked(["", "lar", "ler"], ["", "i", "ı", "si", "sı"], ["", "i", "ı", "yi", "yı", "ni", "nı", "e", "a", "ye", "ya", "ne", "na", "de", "da", "nde", "nda", "den", "dan", "nden", "ndan", "ın", "nin", "nın", "le", "la", "yle", "yla"]).filter((ending) => ending.length <= MAX_TURKISH_ENDING),
    "ır", "ılır", "mak", "mek", "ma", "me", "ması", "mesi",
  ], LONG_STEM, /[ışğ]/u),
];

/** Russian, Ukrainian and other Cyrillic noun, adjective and verb endings. */
const CYRILLIC: readonly EndingGroup[] = [group([
  "", "а", "я", "о", "е", "ь", "ы", "и", "у", "ю", "й", "ой", "ей", "ью", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях",
  "ов", "ев", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ия", "ию", "ии", "иям", "иях", "ого", "его", "ому",
  "ему", "ым", "им", "ую", "юю", "ых", "их", "ыми", "ими", "ть", "ет", "ут", "ют", "ит", "ат", "ят", "ся", "ется",
  "ются", "ится", "ятся", "ает", "ают", "яет", "яют", "ать", "ять", "ить", "ание", "ания", "ение", "ения",
])];

/**
 * Greek noun, adjective and verb endings, folded as searched text is (no tonos or dialytika, final sigma "σ"): the
 * declensions in -ος / -ας / -ης / -α / -η / -ο / -ι / -μα ("αρχειο" ~ "αρχεια" ~ "αρχειου", "ρυθμιση" ~
 * "ρυθμισεις", "ονομα" ~ "ονοματα" ~ "ονοματοσ"), present active and passive persons, and the "-σ-" of the
 * aorist and of nouns of action ("αποθηκευω" ~ "αποθηκευση" ~ "αποθηκευσετε").
 */
const GREEK: readonly EndingGroup[] = [group([
  "", "α", "ασ", "εσ", "ων", "ο", "οσ", "ου", "οι", "ουσ", "η", "ησ", "ε", "ι", "ια", "ιου", "ιων", "εισ", "ει", "ω",
  "ουμε", "ετε", "ουν", "ουνε", "ομαι", "εται", "ονται", "ειται", "ουνται", "τα", "τοσ", "των",
  "σω", "σει", "ση", "σησ", "σεισ", "σεων", "σετε", "σουν",
])];

/**
 * Georgian noun endings (Modern Georgian declension, from the grammar, not from any collection): the cases on
 * consonant stems (nominative "-ი", ergative "-მა", dative "-ს", genitive "-ის", instrumental "-ით", adverbial
 * "-ად", vocative "-ო") and on vowel stems ("-მ", "-ს", "-თი", "-დ"), the postpositions written as one word with
 * them ("-ში" in, "-ზე" on, "-თან" at, "-ისთვის" for, "-იდან" from, "-ისგან" of, "-ამდე" until, "-ივით" like, "-ისკენ"
 * towards), the emphatic "-ა" after a case ("ფაილებისა და ..."), the plural "-ებ-" with each of them and the old
 * plural "-ნი" / "-თა" ("მონაცემთა"): "ფაილი" ~ "ფაილის" ~ "ფაილები" ~ "ფაილებში". Georgian script only, so no word of
 * another script pairs by them.
 */
const GEORGIAN_CASES = ["", "ი", "ა", "ს", "სა", "მა", "მ", "ის", "ისა", "ით", "ითა", "ად", "ო", "თი", "თ", "დ"];
const GEORGIAN_POSTPOSITIONS = ["ში", "ზე", "თან", "ისთვის", "სთვის", "იდან", "დან", "ისგან", "სგან", "ამდე", "მდე", "ივით", "ვით", "ისკენ", "სკენ"];
const GEORGIAN_PLURAL = ["ები", "ებმა", "ებს", "ებსა", "ების", "ებისა", "ებით", "ებითა", "ებად", "ებო", "ებში", "ებზე", "ებთან", "ებისთვის", "ებიდან", "ებისგან", "ებამდე", "ებივით", "ნი", "თა"];
const GEORGIAN: readonly EndingGroup[] = [group([...GEORGIAN_CASES, ...GEORGIAN_POSTPOSITIONS, ...GEORGIAN_PLURAL])];

/** Most letters any group gives back besides its script's. */
const MAX_GROUP_GIVE_BACK = Math.max(...LATIN.map(({ giveBack }) => giveBack ?? 0));

/** Longest ending of any list, in letters (word-forms.ts' prefix lookup must reach it). */
export const LONGEST_ENDING = Math.max(...[...LATIN, ...CYRILLIC, ...GREEK, ...GEORGIAN].flatMap(({ endings }) => [...endings].map((ending) => [...ending].length)));

interface Script {
  groups: readonly EndingGroup[];
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
  // Greek forms share the stem's last letter, as Latin-script ones do ("αποθηκευ" + "ω" / "ση"): none given back.
  { test: /\p{Script=Greek}/u, script: { groups: GREEK, giveBack: 0 } },
  // Georgian forms share the stem's last letter too ("ფაილ" + "ი" / "ებში").
  { test: /\p{Script=Georgian}/u, script: { groups: GEORGIAN, giveBack: 0 } },
  { test: /\p{Script=Latin}/u, script: { groups: LATIN, giveBack: 0 } },
];

function scriptOf(word: string): Script | undefined {
  return SCRIPTS.find(({ test }) => test.test(word))?.script;
}

/**
 * Whether `a` and `b` are two forms of one word (see the module comment); sameStem's English pairs included.
 * `context`: the question's words, whose letters decide which marked groups apply (EndingGroup.markers).
 */
export function sameWordForm(a: string, b: string, context = `${a} ${b}`): boolean {
  if (a === b) return true;
  if (sameStem(a, b)) return true;
  // Arabic script differs at both ends of a word (articles, conjunctions, endings): equal light stems, arabic-forms.ts.
  if (sameArabicForm(a, b)) return true;
  // So do Hebrew words (particles before, endings after): a shared core, hebrew-forms.ts.
  if (sameHebrewForm(a, b)) return true;
  const script = scriptOf(a);
  if (!script || script !== scriptOf(b) || /\p{N}/u.test(a) || /\p{N}/u.test(b)) return false;
  const left = [...a];
  const right = [...b];
  const shorter = Math.min(left.length, right.length);
  if (shorter < MIN_STEM) return false;
  let common = 0;
  while (common < shorter && left[common] === right[common]) common += 1;
  const rests = (at: number) => [left.slice(at).join(""), right.slice(at).join("")] as const;
  for (let at = common; at >= Math.max(MIN_STEM, common - script.giveBack - MAX_GROUP_GIVE_BACK); at -= 1) {
    const [one, other] = rests(at);
    const reaches = (giveBack = 0) => at >= common - script.giveBack - giveBack;
    const either = (set?: ReadonlySet<string>) => !set || set.has(one) || set.has(other);
    if (script.groups.some(({ endings, minStem, markers, giveBack, oneOf }) => reaches(giveBack) && at >= minStem && endings.has(one) && endings.has(other) && either(oneOf) && (!markers || markers.test(context)))) return true;
  }
  return false;
}
