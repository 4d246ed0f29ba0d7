import { composeExtractiveAnswer, isYesNoQuestion, SOURCES_READ, type SentenceMeaning } from "./extractive-answer";
import { weighWords, weighWordsTogether } from "./question-focus";
import { modelAnswer } from "./model-answer";
import type { AnswerUnit } from "./answer-units";
import { answerUnitsOf, scoreUnits, unknownTerms, withContext } from "./score-units";
import { readSentenceVectors } from "./packed-sentence-vectors";
import { cosineSimilarity, embedForAnswer } from "./sentence-vectors";
import { embedQueryCached } from "../embeddings/query-vector-cache";
import { tokenPieces } from "./text-analysis";
import { timeSpan, timeSpanSync } from "../timing";
import type { AnswerEvent, AnswerQuestionInput } from "./types";

/** Sentences without stored vectors embedded per answer (the embedding call is most of its cost). */
export const SENTENCES_EMBEDDED = 10;

/**
 * Answers a question from retrieved sources as a stream: `token` events, then one `done` event with the full
 * text, the citations behind its [n] markers, and token usage when a model reports it. With a chat model the
 * answer is generated and grounded in the numbered sources; without one it is extractive, choosing sentences by
 * meaning too when `embeddings` are given.
 */
export async function* answerQuestion(input: AnswerQuestionInput): AsyncGenerator<AnswerEvent> {
  if (input.chatModel) {
    yield* modelAnswer({ ...input, chatModel: input.chatModel });
    return;
  }
  const meaning = input.embeddings && input.hits.length > 0 ? await timeSpan("answer.sentenceMeaning", () => sentenceMeaning(input)) : undefined;
  const { content, citations } = timeSpanSync("answer.compose", () => composeExtractiveAnswer(input.question, input.hits, input.settings, meaning));
  for (const text of tokenPieces(content)) {
    if (input.signal?.aborted) break;
    yield { type: "token", text };
  }
  yield { type: "done", content, citations };
}

/**
 * Every sentence whose vector ingestion stored with its chunk (`sentenceVectors`) is compared in meaning; of
 * the sentences of chunks stored without them, the most promising by words and by their passage's similarity
 * are embedded now (and cached), and the others keep their passage's similarity.
 */
async function sentenceMeaning(input: AnswerQuestionInput): Promise<SentenceMeaning> {
  const hits = input.hits.slice(0, SOURCES_READ);
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
  const similarity = new Map([...vectorOf].map(([text, vector]) => [text, cosineSimilarity(question, vector)]));
  const plain: SentenceMeaning = { similarity: (unit) => similarity.get(withContext(unit)) ?? passage(unit) };
  // A question about something no source mentions: how much of it rests on each such word (see weighWords). On a
  // wh-question the weights only take answers away, so one declined without them is not weighed (a model call per
  // word); a yes/no question whose unknown words carry nothing is answered by its other words (composeExtractiveAnswer).
  const unknown = unknownTerms(input.question, read);
  if (unknown.length === 0) return plain;
  if (!isYesNoQuestion(input.question) && composeExtractiveAnswer(input.question, input.hits, input.settings, plain).citations.length === 0) return plain;
  const [weightOf, together] = await timeSpan("answer.weighWords", () =>
    Promise.all([
      weighWords(input.embeddings!, input.question, unknown),
      unknown.length > 1 ? weighWordsTogether(input.embeddings!, input.question, unknown) : Promise.resolve(undefined),
    ]),
  );
  return {
    ...plain,
    shift: (word: string) => weightOf.get(word)?.shift ?? 0,
    unknownShift: () => together ?? weightOf.get(unknown[0]!)?.shift ?? 0,
    similarityWithout: (unit: AnswerUnit, word: string) => {
      const [rest, vector] = [weightOf.get(word)?.rest, vectorOf.get(withContext(unit))];
      return rest && vector ? cosineSimilarity(rest, vector) : undefined;
    },
  };
}
