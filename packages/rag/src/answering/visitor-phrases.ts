import { tokenize } from "../retrieval/bm25";
import { questionLanguage } from "./question-language";
import { contentTerms } from "./text-analysis";
import { VISITOR_LEXICON } from "./visitor-lexicon";
import { VISITOR_LEXICON_DE } from "./visitor-lexicon-de";
import { VISITOR_LEXICON_ES } from "./visitor-lexicon-es";
import { VISITOR_LEXICON_FR } from "./visitor-lexicon-fr";
import type { WordNeighbour } from "./word-neighbours";

/** One way of saying a thing: its words in order, and whether other words may stand between the two ("pick~up"). */
interface Way {
  words: readonly string[];
  /** The words that carry meaning (no stop words, no single letters): what is matched to what. */
  content: readonly string[];
  separable: boolean;
}

/** A line of VISITOR_LEXICON: the ways a visitor says it, and the ways a document may say it. */
interface Entry {
  asked: readonly Way[];
  said: readonly Way[];
}

function wayOf(text: string): Way {
  const separable = text.includes("~");
  const words = tokenize(text.replaceAll("~", " "));
  return { words, content: contentTerms(words.join(" ")).filter((word) => word.length > 1), separable };
}

/** The languages with a table of their own: English, French, Spanish, German. */
export type LexiconLanguage = "en" | "fr" | "es" | "de";

function entriesOf(lines: readonly string[]): readonly Entry[] {
  return lines.map((line) => {
    const [left, right] = line.split(">");
    const ways = (side: string) => side.split("|").map((way) => wayOf(way.trim()));
    const asked = ways(left!);
    return { asked, said: right === undefined ? asked : ways(right) };
  });
}

/** Entries by each word of their asked ways, so a question looks only at the entries its words may start. */
function byAskedWord(entries: readonly Entry[]): ReadonlyMap<string, readonly Entry[]> {
  const byWord = new Map<string, Entry[]>();
  for (const entry of entries) for (const way of entry.asked) for (const word of new Set(way.words)) byWord.set(word, [...(byWord.get(word) ?? []), entry]);
  return byWord;
}

const ENTRIES_BY_WORD: Readonly<Record<LexiconLanguage, ReadonlyMap<string, readonly Entry[]>>> = {
  en: byAskedWord(entriesOf(VISITOR_LEXICON)),
  fr: byAskedWord(entriesOf(VISITOR_LEXICON_FR)),
  es: byAskedWord(entriesOf(VISITOR_LEXICON_ES)),
  de: byAskedWord(entriesOf(VISITOR_LEXICON_DE)),
};

/** A question word that is the lexicon's word or its plural ("jabs" ~ "jab", "nappies" ~ "nappy", and the reverse). */
function pluralOf(a: string, b: string): boolean {
  return a === `${b}s` || a === `${b}es` || (b.endsWith("y") && a === `${b.slice(0, -1)}ies`);
}
function sameAsked(token: string, word: string): boolean {
  return token === word || pluralOf(token, word) || pluralOf(word, token);
}

/**
 * A document's word that is the lexicon's word in any regular form ("refunded", "booking"); not its stem ("seniors"
 * is no "Senior physiotherapist").
 */
function sameSaid(token: string, word: string): boolean {
  if (token === word || pluralOf(token, word)) return true;
  const stem = word.endsWith("e") ? word.slice(0, -1) : word;
  return token === `${word}d` || token === `${word}ed` || token === `${stem}ing` || token === `${word}ing`;
}

/** French and Spanish documents' words: the table's word or its plural (their verb forms are listed in the table). */
function sameSaidPlural(token: string, word: string): boolean {
  return token === word || pluralOf(token, word) || token === `${word}x`;
}
/** A French or Spanish question's word: the table's word or its plural, or the reverse ("chevaux" is listed). */
function sameAskedPlural(token: string, word: string): boolean {
  return sameSaidPlural(token, word) || sameSaidPlural(word, token);
}

/** German plural and case endings a word of the table takes: "Parkplätze", "Kindern", "Sneakern", "Handys". */
const GERMAN_ENDINGS = ["e", "n", "en", "s", "er", "es", "nen"];
function germanForm(token: string, word: string): boolean {
  return token === word || GERMAN_ENDINGS.some((ending) => token === `${word}${ending}`);
}
/** A table word of this many letters or more matches a German compound that starts or ends with it. */
const COMPOUND_PART = 5;
/** What a compound keeps besides the table word: "Kinder|schnitt", "Schul|kinder"; "Handy|s" is only a form. */
const COMPOUND_REST = 3;
/**
 * A German document's word: the table's word in a plural or case form, or a compound holding it first or last
 * ("Kinderschnitt", "Geschwisterkinder", "Parkplatzsuche"): German writes as one word what English writes as two.
 */
function sameSaidGerman(token: string, word: string): boolean {
  if (germanForm(token, word)) return true;
  if (word.length < COMPOUND_PART || token.length < word.length + COMPOUND_REST) return false;
  return token.startsWith(word) || token.endsWith(word) || GERMAN_ENDINGS.some((ending) => token.endsWith(`${word}${ending}`));
}
/** A German question's word: the table's word in a plural or case form, or the reverse. */
function sameAskedGerman(token: string, word: string): boolean {
  return germanForm(token, word) || germanForm(word, token);
}

/** "ß" as answering's word lists write it ("strasse"): tokenize keeps it, answerTokens does not. */
const withoutEszett = (words: readonly string[]) => words.map((word) => word.replaceAll("ß", "ss"));

/** How question and document words meet a table's words, by language. */
const MATCHERS: Readonly<Record<LexiconLanguage, readonly [(token: string, word: string) => boolean, (token: string, word: string) => boolean]>> = {
  en: [sameAsked, sameSaid],
  fr: [sameAskedPlural, sameSaidPlural],
  es: [sameAskedPlural, sameSaidPlural],
  de: [sameAskedGerman, sameSaidGerman],
};

/** Two words starting alike, forms of one word as answering's word-form test reads them. */
function sameStart(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && a.slice(0, 5) === b.slice(0, 5));
}

/** Where the way starts in the tokens and the tokens it covers, or undefined. */
function findWay(tokens: readonly string[], way: Way, same: (token: string, word: string) => boolean): string[] | undefined {
  const { words } = way;
  for (let start = 0; start + words.length <= tokens.length; start++) {
    if (!same(tokens[start]!, words[0]!)) continue;
    if (way.separable && words.length === 2) {
      // A phrasal verb: up to two words between its verb and its particle ("pick my car up").
      for (let end = start + 1; end <= Math.min(start + 3, tokens.length - 1); end++) if (same(tokens[end]!, words[1]!)) return [tokens[start]!, tokens[end]!];
      continue;
    }
    if (words.every((word, offset) => same(tokens[start + offset]!, word))) return tokens.slice(start, start + words.length);
  }
  return undefined;
}

/** A way of a line the question says, the question's tokens it covers, and the line's other ways that may relate to it. */
interface AskedWay {
  asked: Way;
  at: string[];
  /** The line's document ways, the asked one and (in French and Spanish) its other forms aside. */
  others: Way[];
}

/** The lexicon lines the question says, by line: each way of it the question says and the line's other ways. */
function askedWays(tokens: readonly string[], language: LexiconLanguage): AskedWay[][] {
  const byWord = ENTRIES_BY_WORD[language];
  const [sameAskedWord] = MATCHERS[language];
  const german = language === "de";
  const bare = (token: string) => [token, token.replace(/(?:es|s|x)$/, ""), token.replace(/ies$/, "y"), ...(german ? GERMAN_ENDINGS.map((ending) => (token.endsWith(ending) ? token.slice(0, -ending.length) : token)) : [])];
  const candidates = new Set(tokens.flatMap(bare).flatMap((word) => byWord.get(word) ?? []));
  return [...candidates].flatMap((entry) => {
    const found = entry.asked.flatMap((asked) => {
      const at = findWay(tokens, asked, sameAskedWord);
      if (!at) return [];
      // In French and Spanish a way that is the asked way in other forms ("cours particuliers" for "cours particulier")
      // relates nothing: its words would become each other's neighbours ("cours" ~ "particulier").
      const others = entry.said.filter(
        (said) => said !== asked && said.content.length > 0 && (language === "en" || !said.content.every((word) => asked.content.some((other) => sameAskedWord(word, other)))),
      );
      return [{ asked, at, others }];
    });
    return found.length > 0 ? [found] : [];
  });
}

/**
 * For each way of a VISITOR_LEXICON line the question says, another way of it the sentences read say (as adjacent
 * words), its question words' neighbours: the words of the sentences' way that the question's way does not share
 * ("teeth cleaning" over "scale and polish": teeth and cleaning ~ scale and polish; "swim diaper" over "swim nappy":
 * diaper ~ nappy). The sentences must say the whole way, so a relation acts only where the documents use it.
 */
export function visitorPhraseNeighbours(question: string, texts: readonly string[], language: LexiconLanguage = "en"): Map<string, WordNeighbour[]> {
  const german = language === "de";
  const tokens = german ? withoutEszett(tokenize(question)) : tokenize(question);
  const keys = new Set(contentTerms(question));
  const [, sameSaidWord] = MATCHERS[language];
  const lines = askedWays(tokens, language);
  const found = new Map<string, WordNeighbour[]>();
  if (lines.length === 0) return found;
  const read = texts.map((text) => (german ? withoutEszett(tokenize(text)) : tokenize(text)));
  for (const { asked, at, others } of lines.flat()) {
    for (const said of others) {
      const there = read.map((words) => findWay(words, said, sameSaidWord)).find((words) => words !== undefined);
      if (!there) continue;
      // The sentences' words of the way that carry meaning, with the lexicon's word each stands for.
      const saidContent = there.flatMap((token, index) => (said.content.includes(said.words[index] ?? "") ? [{ token, word: said.words[index]! }] : []));
      const fromAll = at.filter((word) => keys.has(word));
      const from = fromAll.filter((word) => !said.content.some((other) => sameAsked(word, other)));
      const toAll = saidContent.map(({ token }) => token);
      const to = saidContent.filter(({ word }) => !asked.content.some((other) => sameAsked(word, other))).map(({ token }) => token);
      for (const word of from.length > 0 ? from : fromAll) {
        // A form of the word itself ("rescheduling" for "reschedule") is left to the word-form test.
        const near = (to.length > 0 ? to : toAll).filter((other) => !sameStart(other, word) && !found.get(word)?.some((known) => known.word === other));
        if (near.length > 0) found.set(word, [...(found.get(word) ?? []), ...near.map((other) => ({ word: other, similarity: 1 }))]);
      }
    }
  }
  return found;
}

/** The documents' ways chat's search also looks for (unsaidLexiconWays): their words, and whether a text says one. */
export interface UnsaidWays {
  /** Their words that carry meaning and the question does not say, for the full-text query. */
  terms: string[];
  /** Whether the text says one of the ways whole and in order (as visitorPhraseNeighbours needs it). */
  says: (text: string) => boolean;
}

/**
 * The documents' ways of the lexicon lines a question says when none of `texts` (the passages its search found) says
 * any way of that line, the visitor's own included: visitorPhraseNeighbours relates a visitor's word only to a way the sentences read say, so
 * chat's search looks for these as well ("hay parqueadero?" when no passage found says "aparcamiento"). A line one of
 * the texts already speaks of in the documents' words is left as it is. undefined: nothing to look for.
 */
export function unsaidLexiconWays(question: string, texts: readonly string[]): UnsaidWays | undefined {
  const language = questionLanguage(question);
  // German's table came in after this search was measured (English, French, Spanish): not searched with yet.
  if (language !== "en" && language !== "fr" && language !== "es") return undefined;
  const tokens = tokenize(question);
  const lines = askedWays(tokens, language);
  if (lines.length === 0) return undefined;
  const [, sameSaidWord] = MATCHERS[language];
  const read = texts.map((text) => tokenize(text));
  const sayWay = (words: readonly string[]) => (way: Way) => findWay(words, way, sameSaidWord) !== undefined;
  // A line the texts say in the visitor's own words, or in one of the documents', is read as it is.
  const unsaid = lines.flatMap((line) => {
    const ways = [...line.map(({ asked }) => asked), ...line.flatMap(({ others }) => others)];
    return read.some((words) => ways.some(sayWay(words))) ? [] : line.flatMap(({ others }) => others);
  });
  if (unsaid.length === 0) return undefined;
  const asked = new Set(tokens);
  return {
    terms: [...new Set(unsaid.flatMap((way) => way.content))].filter((word) => !asked.has(word)),
    says: (text) => unsaid.some(sayWay(tokenize(text))),
  };
}
