import { composeExtractiveAnswer, SOURCES_READ, type SentenceMeaning } from "./extractive-answer";
import { modelAnswer } from "./model-answer";
import type { AnswerUnit } from "./answer-units";
import { answerUnitsOf, scoreUnits, withContext } from "./score-units";
import { cosineSimilarity, embedForAnswer } from "./sentence-vectors";
import { tokenPieces } from "./text-analysis";
import type { AnswerEvent, AnswerQuestionInput } from "./types";

/** Sentences compared with the question in vector space per answer (the embedding call is most of its cost). */
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
  const meaning = input.embeddings && input.hits.length > 0 ? await sentenceMeaning(input) : undefined;
  const { content, citations } = composeExtractiveAnswer(input.question, input.hits, input.settings, meaning);
  for (const text of tokenPieces(content)) {
    if (input.signal?.aborted) break;
    yield { type: "token", text };
  }
  yield { type: "done", content, citations };
}

/**
 * Sentence vectors cost an embedding call per answer, so only the most promising sentences by words and by
 * their passage's similarity are compared in meaning; the others keep their passage's similarity.
 */
async function sentenceMeaning(input: AnswerQuestionInput): Promise<SentenceMeaning> {
  const hits = input.hits.slice(0, SOURCES_READ);
  const passage = (unit: AnswerUnit) => hits[unit.source]?.vectorScore ?? 0;
  const units = scoreUnits(input.question, answerUnitsOf(hits.map((hit) => hit.content)), passage);
  const texts = [...new Set(units.sort((a, b) => b.score - a.score).map(withContext))].slice(0, SENTENCES_EMBEDDED);
  const vectors = await embedForAnswer(input.embeddings!, input.question, texts);
  const similarity = new Map(texts.map((text, index) => [text, cosineSimilarity(vectors.question, vectors.texts[index]!)]));
  return { similarity: (unit) => similarity.get(withContext(unit)) ?? passage(unit) };
}
