import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { withTemperature } from "../llm/create-chat-model";
import { buildMessages } from "./build-messages";
import { citedSourceNumbers } from "./cited-sources";
import { makeSnippet } from "./make-snippet";
import { isRelevant } from "./relevance";
import { notFoundReply } from "./not-found-reply";
import { scoreSentences, type ScoredSentence } from "./score-sentences";
import { streamReply } from "./stream-reply";
import { streamWithTools } from "./tool-rounds";
import { DEFAULT_MAX_CITATIONS, type AnswerEvent, type AnswerQuestionInput, type AnswerSource, type Citation } from "./types";

/**
 * Streams a grounded answer from the chat model (calling its tools first if it wants), then cites the sources its
 * [n] markers name. When no source is relevant (isRelevant, with the bot's minScore) and no tool is bound, there is
 * nothing to ground an answer in: the bot's not-found reply (the owner's own, else the question's language's) is
 * the answer, without a model call and without citations, as extractive answers say it, unless the question follows
 * an answer of the conversation. Otherwise the model is
 * told to use that reply's wording when the sources do not answer.
 */
export async function* modelAnswer(input: AnswerQuestionInput & { chatModel: BaseChatModel }): AsyncGenerator<AnswerEvent> {
  const settings = input.settings ?? {};
  const sources = input.hits;
  const tools = input.tools ?? [];
  const sentences = scoreSentences(input.question, sources.map((source) => source.content));
  const relevant = relevantSourceNumbers(sources, sentences, settings.minScore);
  const notFound = notFoundReply(input.question, settings.notFoundReply);
  // A follow-up ("and how much is that?") may find nothing of its own yet be answered by the conversation so far.
  const followsAnswer = input.history.some((turn) => turn.role === "assistant");
  if (relevant.length === 0 && tools.length === 0 && !followsAnswer) return yield* streamReply(notFound, [], input.signal);
  const model = withTemperature(input.chatModel, settings.temperature);
  const messages = buildMessages({ ...input, sources, withTools: tools.length > 0, notFoundReply: notFound });
  const { content, usage } = yield* streamWithTools(model, messages, tools, input.signal);
  yield { type: "done", content, citations: citeSources(content, sources, sentences, relevant, settings), ...(usage ? { usage } : {}) };
}

/** The [n] numbers of the sources that answer the question at all (isRelevant), best first. */
function relevantSourceNumbers(sources: readonly AnswerSource[], sentences: readonly ScoredSentence[], minScore?: number): number[] {
  return sources.flatMap((source, index) => (isRelevant(source, sentences.filter((sentence) => sentence.source === index), minScore) ? [index + 1] : []));
}

/** Sources named by [n] markers; an answer without markers cites the best relevant sources instead. */
function citeSources(
  answer: string,
  sources: readonly AnswerSource[],
  sentences: readonly ScoredSentence[],
  relevant: readonly number[],
  settings: AnswerQuestionInput["settings"] = {},
): Citation[] {
  const maxCitations = settings.maxCitations ?? DEFAULT_MAX_CITATIONS;
  const ofSource = (index: number) => sentences.filter((sentence) => sentence.source === index);
  let numbers = citedSourceNumbers(answer, sources.length).slice(0, maxCitations);
  if (numbers.length === 0) numbers = relevant.slice(0, maxCitations);
  return numbers
    .sort((a, b) => a - b)
    .map((number) => {
      const source = sources[number - 1]!;
      return {
        index: number,
        chunkId: source.chunkId,
        documentId: source.documentId,
        title: source.documentTitle,
        snippet: makeSnippet(source.content, ofSource(number - 1)),
        score: source.score,
      };
    });
}
