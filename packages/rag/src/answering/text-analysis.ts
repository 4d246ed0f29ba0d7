import { answerTokens } from "../retrieval/bm25";
import { stopwords } from "../retrieval/stopwords";
import { frenchAskingWords } from "./french-cues";
import { germanAskingWords, joinSplitGermanVerbs } from "./german-cues";
import { joinFalseBreaks } from "./sentence-breaks";
import { spanishAskingWords } from "./spanish-cues";

/** Texts whose content words are kept: an answer analyses each of its sources' sentences several times. */
const CONTENT_TERMS_KEPT = 4_000;
const contentTermsOf = new Map<string, readonly string[]>();

/**
 * Function words as visitors type them without the apostrophe ("whats your address", "im 16 weeks pregnant", "u"),
 * and what tokenizing leaves of a negation ("haven't" → "haven", "isn't" → "isn"): no topic of the question. "ill",
 * "id" and "won" are words of their own ("my cat is ill", "a photo ID"), so they stay. "Happen(s)" only asks what follows
 * ("what happens if I pay late"): no sentence answering says it, so it would only take weight from every sentence.
 */
const typedContractions: ReadonlySet<string> = new Set(
  ("happen happens happened whats wheres whens whos hows whys thats theres heres im ive youre youve youll dont doesnt didnt cant wont isnt arent wasnt werent hasnt havent couldnt wouldnt shouldnt u ur pls plz " +
    "isn aren wasn weren hasn haven hadn didn couldn wouldn shouldn mustn needn").split(" "),
);

/**
 * "à partir de", "a partir de": French and Spanish for "from" ("à partir de 14h", "a partir de 8 años"), whose "partir"
 * is no verb of leaving: "à quelle heure faut-il partir" is not answered by "Les arrivées se font à partir de 14h".
 */
function prepositionPart(tokens: readonly string[], index: number): boolean {
  return tokens[index] === "partir" && tokens[index - 1] === "a" && ["de", "d", "du", "des", "del", "las", "los", "la"].includes(tokens[index + 1] ?? "");
}

/** The distinct meaningful words of a text: tokens without stop words (nor typed contractions) and without single letters. */
export function contentTerms(text: string): string[] {
  let terms = contentTermsOf.get(text);
  if (!terms) {
    terms = [...new Set((joinSplitGermanVerbs(text) ?? answerTokens(text)).filter((term, index, tokens) => !stopwords.has(term) && !typedContractions.has(term) && !germanAskingWords.has(term) && !spanishAskingWords.has(term) && !frenchAskingWords.has(term) && !prepositionPart(tokens, index) && (term.length > 1 || /\p{N}/u.test(term))))];
    contentTermsOf.set(text, terms);
    if (contentTermsOf.size > CONTENT_TERMS_KEPT) contentTermsOf.delete(contentTermsOf.keys().next().value!);
  }
  // A copy: callers add to the list they get.
  return [...terms];
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });

/**
 * Sentences of a passage. Blank lines, list items, quotes, table rows and lines ending in sentence punctuation
 * end a sentence; other line breaks are wrapping inside a paragraph. Markdown headings are titles, not
 * statements, so they never become answer sentences; list and quote markers are dropped.
 */
export function splitSentences(text: string): string[] {
  return joinWrappedLines(text)
    .filter((line) => !/^\s{0,3}#{1,6}\s/.test(line))
    .map((line) => line.replace(/^\s*(?:[-*+>|]|\d+[.)])\s+/, ""))
    .flatMap((line) => joinFalseBreaks([...sentenceSegmenter.segment(line)].map((part) => part.segment)))
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

const structuralLine = /^\s*(?:#{1,6}\s|[-*+>|]\s|\d+[.)]\s|[A-Z][\p{L} ]{0,20}:\s)/u;

function joinWrappedLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const previous = lines.at(-1);
    const continues =
      previous !== undefined && previous.trim() !== "" && line.trim() !== "" && !structuralLine.test(line) &&
      !/^\s*#{1,6}\s/.test(previous) && !/[.!?:;。؟]["')\]]?$/u.test(previous);
    if (continues) lines[lines.length - 1] = `${previous} ${line.trim()}`;
    else lines.push(line);
  }
  return lines.filter((line) => line.trim() !== "");
}

/** Cuts text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/** Splits text into small pieces (a word with its trailing space) for streaming. */
export function tokenPieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}
