import {
  composeExtractiveAnswer,
  declinedForKindUnread,
  declinesExplained,
  isYesNoQuestion,
  SOURCES_READ,
  SOURCES_READ_DEEPER,
  sourcesRead,
  withoutNeighbouringFact,
  type SentenceMeaning,
} from "./extractive-answer";
import { weighWordsAloneAndTogether } from "./question-focus";
import { answerHoweverWeighed } from "./weighing-outcomes";
import { meaningBandOffset } from "./meaning-band";
import { modelAnswer } from "./model-answer";
import type { AnswerUnit } from "./answer-units";
import { answerUnitsOf, scoreUnits, unknownTerms, withContext } from "./score-units";
import { contentTerms } from "./text-analysis";
import { columnLabelSimilarity } from "./column-labels";
import { readSentenceVectors } from "./packed-sentence-vectors";
import { cosineSimilarity, embedForAnswer } from "./sentence-vectors";
import { embedQueryCached } from "../embeddings/query-vector-cache";
import { streamReply } from "./stream-reply";
import { timeSpan, timeSpanSync } from "../timing";
import { questionLanguage } from "./question-language";
import { vocabularyOf, wordNeighbours } from "./word-neighbours";
import { commonWordNetNeighbours, phrasesOf, wordNetNeighbours } from "./wordnet-neighbours";
import { wordNetStatus } from "../wording/wordnet";
import { businessRoleNeighbours } from "./business-roles";
import { type LexiconLanguage, visitorPhraseNeighbours } from "./visitor-phrases";
import { answerTypeOf } from "./question-type";
import { withTypedUmlauts } from "./typed-umlauts";
import type { WordNeighbour } from "./word-neighbours";
import type { AnswerEvent, AnswerQuestionInput, Citation } from "./types";

/** Sentences without stored vectors embedded per answer (the embedding call is most of its cost). */
export const SENTENCES_EMBEDDED = 10;

/**
 * Answers a question from retrieved sources as a stream: `token` events, then one `done` event with the full
 * text, the citations behind its [n] markers, and token usage when a model reports it. With a chat model the
 * answer is generated and grounded in the numbered sources (or, when none is relevant and no tool is bound, is the
 * bot's not-found reply without a model call: see modelAnswer); without one it is extractive, choosing sentences by
 * meaning too when `embeddings` are given.
 */
export async function* answerQuestion(asked: AnswerQuestionInput): AsyncGenerator<AnswerEvent> {
  if (asked.chatModel) {
    yield* modelAnswer({ ...asked, chatModel: asked.chatModel });
    return;
  }
  const answer = await extractiveAnswer(asked);
  // "who is the owner" over five passages naming nobody: the sources past those read are read too (SOURCES_READ_DEEPER),
  // and their answer is kept when they give one.
  const deeper = readsDeeper(asked, answer) ? await extractiveAnswer({ ...asked, settings: { ...asked.settings, sourcesRead: SOURCES_READ_DEEPER } }) : undefined;
  const { content, citations } = deeper && deeper.citations.length > 0 ? deeper : answer;
  yield* streamReply(content, citations, asked.signal);
}

/**
 * Whether an English answer declined for want of any sentence stating the kind of fact asked for (declinedForKindUnread)
 * is worth reading further for: more sources were retrieved than it read.
 */
function readsDeeper(asked: AnswerQuestionInput, answer: object): boolean {
  return asked.settings?.sourcesRead === undefined && declinedForKindUnread(answer) && questionLanguage(asked.question) === "en" && asked.hits.length > SOURCES_READ;
}

/** The extractive answer (text and citations) read from the first sources (sourcesRead, or settings.sourcesRead). */
async function extractiveAnswer(asked: AnswerQuestionInput): Promise<{ content: string; citations: Citation[] }> {
  // "geht auch ueberweisung?" is read as "geht auch überweisung?" when the sources write "Überweisungen" (typed-umlauts.ts).
  const question = withTypedUmlauts(asked.question, sourcesRead(asked.question, asked.hits, asked.settings?.sourcesRead).map((hit) => hit.content));
  const input = question === asked.question ? asked : { ...asked, question };
  const compose = composer(input);
  const meaning = input.embeddings && input.hits.length > 0 ? await timeSpan("answer.sentenceMeaning", () => sentenceMeaning(input, compose)) : undefined;
  return withoutNeighbouringFact(input.question, timeSpanSync("answer.compose", () => compose(meaning)), input.settings);
}

/** composeExtractiveAnswer of one answer's question, sources and settings, for a way of reading their meaning. */
type Composer = (meaning: SentenceMeaning | undefined) => ReturnType<typeof composeExtractiveAnswer>;

/**
 * composeExtractiveAnswer for one answer, each meaning composed once: choosing how to read the question composes
 * with a meaning to see whether it answers, and the answer is then that composition (the same question, sources,
 * settings and meaning compose the same answer). With FRONTDESK_DEBUG_DECLINE each composition is run, so the last
 * decline written is the answer's.
 */
function composer(input: AnswerQuestionInput): Composer {
  const composed = new WeakMap<SentenceMeaning, ReturnType<typeof composeExtractiveAnswer>>();
  return (meaning) => {
    if (!meaning || declinesExplained()) return composeExtractiveAnswer(input.question, input.hits, input.settings, meaning);
    let answer = composed.get(meaning);
    if (!answer) composed.set(meaning, (answer = composeExtractiveAnswer(input.question, input.hits, input.settings, meaning)));
    return answer;
  };
}

/**
 * Sentences whose words a question word is matched to (see wordNeighbours): the nearest in meaning, where an answer
 * comes from; each word costs the model a call the first time, so fewer sentences keep the calls down (8 and 12 gave
 * the same answers on every dev set, replayed; all of five sources, ~200 words, cost ~200 ms an answer at load 30).
 */
export const VOCABULARY_SENTENCES = 8;

function nearestInMeaning(units: readonly AnswerUnit[], similarity: ReadonlyMap<string, number>): AnswerUnit[] {
  const near = (unit: AnswerUnit) => similarity.get(withContext(unit)) ?? -1;
  return [...units].sort((a, b) => near(b) - near(a)).slice(0, VOCABULARY_SENTENCES);
}

/**
 * Every sentence whose vector ingestion stored with its chunk (`sentenceVectors`) is compared in meaning; of
 * the sentences of chunks stored without them, the most promising by words and by their passage's similarity
 * are embedded now (and cached), and the others keep their passage's similarity.
 */
async function sentenceMeaning(input: AnswerQuestionInput, compose: Composer): Promise<SentenceMeaning> {
  const hits = sourcesRead(input.question, input.hits, input.settings?.sourcesRead);
  const passage = (unit: AnswerUnit) => hits[unit.source]?.vectorScore ?? 0;
  const stored = hits.map((hit) => {
    const packed = input.sentenceVectors?.get(hit.chunkId);
    return packed ? readSentenceVectors(packed) : undefined;
  });
  const read = answerUnitsOf(hits.map((hit) => hit.content));
  const units = timeSpanSync("answer.preScoreUnits", () => scoreUnits(input.question, read, passage)).sort((a, b) => b.score - a.score);
  // Stored vectors cost a dot product: every sentence that has one is compared in meaning. Embedding at answer
  // time costs a model call, so only the most promising sentences without one are embedded.
  const texts = [...new Set(units.map(withContext))];
  const question = await embedQueryCached(input.embeddings!, input.question);
  const storedVector = (text: string) =>
    units
      .filter((unit) => withContext(unit) === text)
      .map((unit) => stored[unit.source]?.vectorOf(text))
      .find((vector) => vector !== undefined && vector.length === question.length);
  const vectorOf = new Map<string, ArrayLike<number>>();
  for (const text of texts) {
    const vector = storedVector(text);
    if (vector) vectorOf.set(text, vector);
  }
  const missing = texts.slice(0, SENTENCES_EMBEDDED).filter((text) => !vectorOf.has(text));
  if (missing.length > 0) {
    const embedded = await timeSpan("answer.embedMissingSentences", () => embedForAnswer(input.embeddings!, input.question, missing));
    missing.forEach((text, index) => vectorOf.set(text, embedded.texts[index]!));
  }
  const cosines = new Map([...vectorOf].map(([text, vector]) => [text, cosineSimilarity(question, vector)]));
  // A question the model does not read (another language) has its cosines measured against their band (meaning-band.ts).
  const offset = await timeSpan("answer.meaningBand", () => meaningBandOffset(input.embeddings!, input.question, [...cosines.values()]));
  const similarity = new Map([...cosines].map(([text, cosine]) => [text, cosine - offset]));
  // Column labels are compared in English only: the model does not read other languages' words (see meaning-band.ts).
  const labelSimilarity = questionLanguage(input.question) === "en" ? await timeSpan("answer.columnLabels", () => columnLabelSimilarity(input.embeddings!, question, read)) : undefined;
  const plain: SentenceMeaning = { similarity: (unit) => similarity.get(withContext(unit)) ?? passage(unit) - offset, labelSimilarity };
  const weigh = (meaning: SentenceMeaning) => weighUnknownWords(input, read, meaning, vectorOf, offset, compose);
  const asked = await weigh(plain);
  // A question in other words than the sources ("kids" for "children", "whiter" for "whitening") that finds no
  // answer: its words none of them mentions are matched to theirs, and it is answered again. First by WordNet
  // (synonyms and derived forms by the two words' most frequent senses, no model call); when that finds no answer,
  // by meaning too (each word costs the model a call the first time). English only: WordNet's and the local model's.
  const unsaid = unknownTerms(input.question, read);
  const answers = (meaning: SentenceMeaning) => compose(meaning).citations.length > 0;
  const language = questionLanguage(input.question);
  if (language === "fr" || language === "es" || language === "de") return withLexiconNeighbours(input.question, read, language, asked, plain, weigh, answers);
  if (language !== "en") return asked;
  if (answers(asked)) return withSynonymsOfAnswered(input.question, read, asked, plain, weigh, answers);
  if (unsaid.length === 0) return asked;
  const synonyms = timeSpanSync("answer.wordNetNeighbours", () => withListedNeighbours(input.question, wordNetNeighbours(unsaid, vocabularyOf(read), undefined, phrasesOf(read)), read));
  if (synonyms.size > 0) {
    const withSynonyms = await weigh({ ...plain, neighbours: synonyms });
    if (answers(withSynonyms)) return withSynonyms;
  }
  const neighbours = await timeSpan("answer.wordNeighbours", () => wordNeighbours(input.embeddings!, unsaid, vocabularyOf(nearestInMeaning(read, similarity))));
  for (const [word, near] of synonyms) neighbours.set(word, [...(neighbours.get(word) ?? []), ...near]);
  return neighbours.size === 0 ? asked : weigh({ ...plain, neighbours });
}

/**
 * An English question answered in its own words may still have a word some sentence says in another ("what day are you
 * shut" over "We are closed on Mondays", "can I write you a check" over "we do not take cheques", "lock up my bicycle"
 * over "Bike racks …"): every content word of it, known or not, is matched by WordNet (both words' most frequent
 * sense, as for a question that finds no answer) to the words of the sentences read, and the question is answered
 * with them when it still finds an answer. No model call; only when WordNet is in memory (the API warms it at start:
 * a question is not kept waiting for the read, ~3 s of CPU, nor does a test pay it).
 */
async function withSynonymsOfAnswered(
  question: string,
  read: readonly AnswerUnit[],
  asked: SentenceMeaning,
  plain: SentenceMeaning,
  weigh: (meaning: SentenceMeaning) => Promise<SentenceMeaning>,
  answers: (meaning: SentenceMeaning) => boolean,
): Promise<SentenceMeaning> {
  if (!wordNetStatus().loaded) return asked;
  const synonyms = timeSpanSync("answer.wordNetNeighbours", () => {
    const vocabulary = vocabularyOf(read);
    const phrases = phrasesOf(read);
    const found = wordNetNeighbours(contentTerms(question), vocabulary, undefined, phrases);
    // A word no sentence read says at all ("rent" over "Mat hire") is also matched by its other common senses, when
    // it has few (see commonWordNetNeighbours); a word the sources say is left to its most frequent sense.
    const unsaid = unknownTerms(question, read).filter((word) => !found.has(word));
    for (const [word, near] of commonWordNetNeighbours(unsaid, vocabulary, phrases)) found.set(word, near);
    return withListedNeighbours(question, found, read);
  });
  if (synonyms.size === 0) return asked;
  const withSynonyms = await weigh({ ...plain, neighbours: synonyms });
  return answers(withSynonyms) ? withSynonyms : asked;
}

/**
 * A French, Spanish or German question (no WordNet, no model reading its words): its everyday words matched to the
 * words the sentences read say for them by the language's visitor lexicon ("bagnole" over "voiture", "estacionamiento"
 * over "aparcamiento", "Kohle" over "Geld", see visitorPhraseNeighbours), answered with them when it still finds one.
 */
async function withLexiconNeighbours(
  question: string,
  read: readonly AnswerUnit[],
  language: LexiconLanguage,
  asked: SentenceMeaning,
  plain: SentenceMeaning,
  weigh: (meaning: SentenceMeaning) => Promise<SentenceMeaning>,
  answers: (meaning: SentenceMeaning) => boolean,
): Promise<SentenceMeaning> {
  const listed = visitorPhraseNeighbours(question, read.map(withContext), language);
  if (listed.size === 0) return asked;
  const withListed = await weigh({ ...plain, neighbours: listed });
  return answers(withListed) ? withListed : asked;
}

/**
 * WordNet's neighbours with a visitor's phrase's ("money back" ~ "refundable", see visitorPhraseNeighbours) and, for a
 * question asking who is behind the business ("who owns the studio" over "Hannah Doyle founded the studio"), its role
 * word's (see businessRoleNeighbours).
 */
function withListedNeighbours(question: string, found: Map<string, WordNeighbour[]>, read: readonly AnswerUnit[]): Map<string, WordNeighbour[]> {
  const add = (more: ReadonlyMap<string, readonly WordNeighbour[]>) => {
    for (const [word, near] of more) found.set(word, [...(found.get(word) ?? []), ...near]);
  };
  add(visitorPhraseNeighbours(question, read.map(withContext)));
  if (answerTypeOf(question) === "person") add(businessRoleNeighbours(contentTerms(question), vocabularyOf(read)));
  return found;
}

/**
 * A question about something no source mentions: how much of it rests on each such word (see weighWords). On a
 * wh-question the weights only take answers away, so one declined without them is not weighed (a model call per
 * word); a yes/no question whose unknown words carry nothing is answered by its other words (composeExtractiveAnswer),
 * and one whose answer is the same however they weigh is not weighed either (answerHoweverWeighed).
 */
async function weighUnknownWords(
  input: AnswerQuestionInput,
  read: readonly AnswerUnit[],
  plain: SentenceMeaning,
  vectorOf: ReadonlyMap<string, ArrayLike<number>>,
  offset: number,
  compose: Composer,
): Promise<SentenceMeaning> {
  const unknown = unknownTerms(input.question, read, plain.neighbours);
  if (unknown.length === 0) return plain;
  const yesNo = isYesNoQuestion(input.question);
  if (!yesNo && compose(plain).citations.length === 0) return plain;
  // A yes/no question answered alike however its unknown words weigh is not weighed (answerHoweverWeighed).
  const alike = yesNo ? answerHoweverWeighed(plain, unknown, compose) : undefined;
  if (alike) return alike;
  const { weights: weightOf, together } = await timeSpan("answer.weighWords", () => weighWordsAloneAndTogether(input.embeddings!, input.question, unknown));
  return {
    ...plain,
    shift: (word: string) => weightOf.get(word)?.shift ?? 0,
    unknownShift: () => together ?? weightOf.get(unknown[0]!)?.shift ?? 0,
    similarityWithout: (unit: AnswerUnit, word: string) => {
      const [rest, vector] = [weightOf.get(word)?.rest, vectorOf.get(withContext(unit))];
      return rest && vector ? cosineSimilarity(rest, vector) - offset : undefined;
    },
  };
}
