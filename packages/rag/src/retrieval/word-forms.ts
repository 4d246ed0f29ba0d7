import { Prisma } from "@frontdesk/db";
import { bm25Idf, stopwordList, type ScoredTerm } from "./query-terms";
import { questionSearchText } from "./identifier-parts";
import { normalizeSearchText } from "./search-normalization";
import { ARABIC_MIN_STEM, arabicFormSpellings, isArabicScript } from "./arabic-forms";
import { HEBREW_MIN_CORE, hebrewFormSpellings, isHebrewScript } from "./hebrew-forms";
import { LONGEST_ENDING, sameWordForm } from "./word-endings";

/**
 * Word forms of the question's terms (FullTextSearchInput.wordForms): the knowledge base's own lexemes that are
 * another form of a query word ("repository" ~ "repositories", "create" ~ "creates", "download" ~ "downloading",
 * "Datei" ~ "Dateien", "файл" ~ "файлами"; sameWordForm, word-endings.ts: what follows the common beginning is an
 * ending of the words' script on both sides). The index stays the language-neutral
 * 'simple' one; only the query widens, to words the knowledge base actually holds. Each form joins its query
 * term's class: BM25 counts the class once per chunk (term frequency = typed form + each other form's share ×
 * its occurrences, formShare), so a chunk holding both forms is not counted twice, and another form weighs less than
 * the word the visitor typed. Measured in bench/README.md ("Word forms", "Forms weighed by how common they are").
 *
 * Candidates are the lexemes that begin with a query word's `formPrefix`; the SQL scorer finds them in the
 * statement that reads the query's statistics (`formCandidates`), the in-memory index in its sorted lexicon
 * (text-index.ts `lexemesStartingWith`). Both then keep the same ones (`wordFormsOf`), so they score alike.
 */
export const FORM_WEIGHT = 0.5;

/**
 * The share of another form's occurrences in its class's term frequency: the typed word's part of the two words'
 * document frequencies, df typed / (df typed + df form), at most FORM_WEIGHT. A form as common as the typed word, or
 * rarer, weighs FORM_WEIGHT; a form many more chunks hold than the word the visitor typed ("arquivo" for "arquivos",
 * "pengguna" for "penggunaan") says less about the question and weighs less: at the fixed weight it pulled in every
 * chunk holding it (Portuguese and Indonesian man pages, bench/README.md "Forms weighed by how common they are").
 * Any form of a word the knowledge base does not hold keeps FORM_WEIGHT: the forms are all that can match.
 */
export function formShare(typedDf: number, formDf: number): number {
  if (typedDf <= 0) return FORM_WEIGHT;
  return Math.min(FORM_WEIGHT, typedDf / (typedDf + formDf));
}

/** See FullTextSearchInput.wordForms. */
export const DEFAULT_WORD_FORMS = true;

/** See FullTextSearchInput.classChunks. */
export const DEFAULT_CLASS_CHUNKS: boolean | ClassCountRule = "rarer";

/** The class count rule of a search's classChunks option (false: none, the shares' estimate). */
export function classCountRule(option: boolean | ClassCountRule | undefined): ClassCountRule | false {
  const value = option ?? DEFAULT_CLASS_CHUNKS;
  return value === true ? "all" : value;
}

/**
 * Shortest beginning sameWordForm can accept for a word, so one prefix lookup finds every candidate form. The SQL
 * lookup's index is on each lexeme's first 4 characters (knowledge_base_term_prefix_idx): a longer MIN_STEM still
 * uses it, a shorter one needs a new index.
 */
const MIN_STEM = 4;
/**
 * Longest ending sameWordForm knows: English "ations" (or a doubled consonant + "ers") plus the stem's own slack of 2,
 * or the other lists' LONGEST_ENDING (Turkish "-larından", 8), whichever is longer.
 */
const MAX_ENDING = Math.max(6, LONGEST_ENDING);

export interface WordForm {
  lexeme: string;
  /** The query lexeme this is another form of. */
  of: string;
  /** Document frequency in the searched knowledge bases. */
  df: number;
}

/** A knowledge base lexeme beginning with a query word's formPrefix, with its document frequency. */
export interface FormCandidate {
  lexeme: string;
  df: number;
}

/** Whether a query word's forms are looked up by its beginning (formPrefix): long enough for sameWordForm, not a number. */
export function takesForms(term: string): boolean {
  return [...term].length >= MIN_STEM && !/\p{N}/u.test(term);
}

/**
 * Whether a query word can have forms at all: takesForms, or an Arabic-script or Hebrew word of a 3-letter stem
 * ("ملف", "ספר"), whose forms are looked up by their exact spellings (formSpellings) since they differ at the
 * beginning too.
 */
function hasForms(term: string): boolean {
  const length = [...term].length;
  return takesForms(term) || (isArabicScript(term) && length >= ARABIC_MIN_STEM) || (isHebrewScript(term) && length >= HEBREW_MIN_CORE);
}

/**
 * Spellings of the words' other forms that are looked up exactly (a superset; wordFormsOf keeps the forms): Arabic
 * script's and Hebrew's prefixed and suffixed forms (arabic-forms.ts, hebrew-forms.ts), which no common beginning
 * finds. Sorted and distinct.
 */
export function formSpellings(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap((term) => [...arabicFormSpellings(term), ...hebrewFormSpellings(term)]))].sort(byCodeUnits);
}

const stopwordSet = new Set(stopwordList);

/**
 * formSpellings of a question's words, for the SQL plan, which parses the question in the database: its words are
 * read here the way the 'simple' parser reads runs of Arabic letters (folded, lowercased, split at anything else).
 */
export function questionFormSpellings(query: string): string[] {
  const words = normalizeSearchText(questionSearchText(query)).toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return formSpellings(words.filter((word) => !stopwordSet.has(word) && hasForms(word)));
}

/**
 * The beginning every other form of `term` shares, in characters (code points, as PostgreSQL's left() counts; the
 * SQL in formCandidates is the same rule).
 */
export function formPrefix(term: string): string {
  const characters = [...term];
  return characters.slice(0, Math.max(MIN_STEM, characters.length - MAX_ENDING)).join("");
}

/**
 * SQL for a plan statement: the lexemes of `knowledge_base_term` (aliased by the caller's `bases` CTE of searched
 * knowledge base ids) that begin with the formPrefix of a word of the `query_terms` CTE, or are one of `spellings`
 * (formSpellings of the question's words), with their document frequencies. A superset: wordFormsOf keeps the forms. Each prefix is looked up by its first MIN_STEM characters, an
 * equality on knowledge_base_term_prefix_idx (migration 20261205201500_term_lexeme_prefix_index) that the planner
 * takes whatever the table's size; a lexeme two prefixes find (one a prefix of the other) counts once.
 */
export function formCandidates(spellings: readonly string[]): Prisma.Sql {
  // formSpellings' exact spellings are read by the primary key (knowledgeBaseId, lexeme); with none, the plan is
  // the prefix lookup alone, as before them.
  const exact =
    spellings.length === 0
      ? Prisma.empty
      : Prisma.sql`
          UNION
          SELECT k."knowledgeBaseId", k.lexeme, k."chunkCount"
            FROM bases b
            JOIN knowledge_base_term k ON k."knowledgeBaseId" = b.id AND k.lexeme = ANY(${[...spellings]}::text[])
           WHERE k."chunkCount" > 0`;
  return Prisma.sql`
  SELECT kt.lexeme, sum(kt."chunkCount")::float8 AS df
    FROM (SELECT DISTINCT k."knowledgeBaseId", k.lexeme, k."chunkCount"
            FROM bases b
           CROSS JOIN (SELECT DISTINCT left(q.lexeme, greatest(${Prisma.raw(String(MIN_STEM))}, char_length(q.lexeme) - ${Prisma.raw(String(MAX_ENDING))})) AS prefix
                         FROM query_terms q WHERE char_length(q.lexeme) >= ${Prisma.raw(String(MIN_STEM))}) p
            JOIN knowledge_base_term k
              ON k."knowledgeBaseId" = b.id AND left(k.lexeme, ${Prisma.raw(String(MIN_STEM))}) = left(p.prefix, ${Prisma.raw(String(MIN_STEM))})
             AND k.lexeme ^@ p.prefix
           WHERE k."chunkCount" > 0${exact}) kt
   GROUP BY kt.lexeme`;
}

/**
 * The candidates that are other forms of the query's own terms, leaving out the terms themselves. A form of two of
 * them joins the first in code-unit order (not the database's collation, so both scorers choose alike).
 */
export function wordFormsOf(terms: readonly string[], candidates: readonly FormCandidate[]): WordForm[] {
  const stems = terms.filter(hasForms).sort(byCodeUnits);
  if (stems.length === 0) return [];
  const typed = new Set(terms);
  // The question's letters tell which languages' marked endings apply (word-endings.ts, EndingGroup.markers).
  const question = terms.join(" ");
  return candidates.flatMap((candidate) => {
    if (typed.has(candidate.lexeme)) return [];
    const of = stems.find((term) => sameWordForm(term, candidate.lexeme, question));
    return of ? [{ lexeme: candidate.lexeme, of, df: candidate.df }] : [];
  });
}

/**
 * Up to this many postings (the sum of a class's lexemes' document frequencies) the scorers count the chunks that hold
 * any of a class's lexemes (one GIN lookup in SQL, a merge of postings in memory); a larger class keeps the estimate
 * from shares (classDf).
 */
export const CLASS_COUNT_POSTINGS = 5_000;

/**
 * The classes addWordForms will make whose chunks the scorers count (their lexemes' document frequencies add up to
 * at most CLASS_COUNT_POSTINGS): each typed term that has other forms (not already terms themselves) with the lexemes
 * counted (the typed one first, then its forms, with "rarer" those no commoner than it), by typed lexeme. Both scorers
 * count them (classChunks) before addWordForms.
 */
export function formClassMembers(terms: readonly ScoredTerm[], forms: readonly WordForm[], rule: ClassCountRule = "all"): Map<string, string[]> {
  const found = forms.filter((form) => !terms.some((term) => term.lexeme === form.lexeme));
  const classes = new Map<string, string[]>();
  for (const term of terms) {
    if (!term.original) continue;
    const mine = found.filter((form) => form.of === term.lexeme && countedInClass(formShare(term.df, form.df), rule));
    if (mine.length === 0 || mine.reduce((sum, form) => sum + form.df, term.df) > CLASS_COUNT_POSTINGS) continue;
    classes.set(term.lexeme, [term.lexeme, ...mine.map((form) => form.lexeme)]);
  }
  return classes;
}

/**
 * A class's document frequency. Counted (`held`: the chunks holding the typed word or a counted form, formClassMembers):
 * those chunks, plus each form not counted (with "rarer", one commoner than the typed word) times its share; else the
 * typed word's plus each form's times its share. At most the chunk count. A class is one BM25 term: with forms as
 * common as the typed word counted at their shares its df fell below the chunks it matches, its IDF rose above what
 * those chunks earn, and a page holding many forms of a word outranked the one page naming it (Hungarian man pages);
 * a form far commoner than the typed word counted whole made the word as unspecific as the form (Portuguese, Dutch:
 * bench/README.md "Class document frequency").
 */
export function classDf(typedDf: number, forms: ReadonlyArray<{ df: number; share: number }>, chunks: number, held?: number, rule: ClassCountRule = "all"): number {
  if (held === undefined) return Math.min(chunks, typedDf + forms.reduce((sum, form) => sum + form.share * form.df, 0));
  return Math.min(chunks, held + forms.reduce((sum, form) => sum + (countedInClass(form.share, rule) ? 0 : form.share * form.df), 0));
}

/**
 * Which forms a class's counted chunks include: all of them, or ("rarer", the default) those no commoner than the typed
 * word (formShare at FORM_WEIGHT).
 */
export type ClassCountRule = "all" | "rarer";

function countedInClass(share: number, rule: ClassCountRule): boolean {
  return rule === "all" || share >= FORM_WEIGHT;
}

/**
 * The query's terms with its words' other forms in their classes: each form joins its term's class with its share
 * (formShare), and the class takes the IDF of its document frequency (classDf; `held`: formClassMembers' classes'
 * chunk counts, by typed lexeme). Summed in full, a common form's document frequency made the typed word as
 * unspecific as the form. `terms` are changed in place (class, df, IDF); the forms are returned to be appended after
 * them. A form that is already a term (a feedback term) stays that term.
 */
export function addWordForms(terms: ScoredTerm[], forms: readonly WordForm[], chunks: number, held?: ReadonlyMap<string, number>, rule: ClassCountRule = "all"): ScoredTerm[] {
  const found = forms.filter((form) => !terms.some((term) => term.lexeme === form.lexeme));
  if (found.length === 0) return [];
  const added: ScoredTerm[] = [];
  for (const [index, term] of terms.entries()) {
    const mine = found.filter((form) => form.of === term.lexeme);
    if (mine.length === 0 || !term.original) continue;
    const { shares, df, idf } = classStatistics(term.df, mine, chunks, held?.get(term.lexeme), rule);
    Object.assign(term, { group: index, form: 1, df, idf });
    mine.forEach((form, at) => added.push({ lexeme: form.lexeme, original: true, df: form.df, weight: term.weight, idf: term.idf, group: index, form: shares[at]! }));
  }
  return added;
}

/** A class's forms' shares, its document frequency and IDF (addWordForms), `held` chunks holding its counted lexemes. */
function classStatistics(typedDf: number, mine: readonly WordForm[], chunks: number, held: number | undefined, rule: ClassCountRule) {
  const shares = mine.map((form) => formShare(typedDf, form.df));
  const df = classDf(typedDf, mine.map((form, at) => ({ df: form.df, share: shares[at]! })), chunks, held, rule);
  return { shares, df, idf: bm25Idf(chunks, df) };
}

/**
 * A class whose chunks the scoring statement counts itself (FullTextPlan.counted): one round trip less than counting
 * them first (form-class-chunks.ts), with the same numbers. The class's IDF for each count it can have is computed
 * here, by addWordForms' arithmetic, and the statement picks the one of the count it finds.
 */
export interface CountedClass {
  /** The class's group (ScoredTerm.group: its typed term's index) and typed lexeme. */
  group: number;
  typed: string;
  /** The lexemes whose chunks are counted (formClassMembers). */
  lexemes: readonly string[];
  /**
   * Fewest chunks it can be in (its commonest lexeme's document frequency); `idfs[count − least]` is the class's IDF
   * for `count` chunks, up to its lexemes' document frequencies summed (or every chunk). A count outside (the
   * knowledge base changed between the plan's statement and the scoring one) takes the nearest end.
   */
  least: number;
  idfs: readonly number[];
}

/**
 * formClassMembers' classes as the scoring statement counts them (CountedClass), before addWordForms; null when a
 * class's statistics leave no possible count (the chunk count below a lexeme's document frequency).
 */
export function countedClasses(terms: readonly ScoredTerm[], forms: readonly WordForm[], classes: ReadonlyMap<string, readonly string[]>, chunks: number, rule: ClassCountRule): CountedClass[] | null {
  const found = forms.filter((form) => !terms.some((term) => term.lexeme === form.lexeme));
  const counted: CountedClass[] = [];
  for (const [typed, lexemes] of classes) {
    const group = terms.findIndex((term) => term.lexeme === typed);
    const term = terms[group]!;
    const mine = found.filter((form) => form.of === typed);
    const dfs = lexemes.map((lexeme) => (lexeme === typed ? term.df : mine.find((form) => form.lexeme === lexeme)!.df));
    const least = Math.max(...dfs);
    const most = Math.min(chunks, dfs.reduce((sum, df) => sum + df, 0));
    if (!(least <= most)) return null;
    const idfs = Array.from({ length: most - least + 1 }, (_, at) => classStatistics(term.df, mine, chunks, least + at, rule).idf);
    counted.push({ group, typed, lexemes, least, idfs });
  }
  return counted;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
