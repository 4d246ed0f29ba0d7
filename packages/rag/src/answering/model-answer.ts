import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { withTemperature } from "../llm/create-chat-model";
import { buildMessages } from "./build-messages";
import { citedSourceNumbers } from "./cited-sources";
import { makeSnippet } from "./make-snippet";
import { isRelevant } from "./relevance";
import { scoreSentences } from "./score-sentences";
import { streamWithTools } from "./tool-rounds";
import { DEFAULT_MAX_CITATIONS, type AnswerEvent, type AnswerQuestionInput, type AnswerSource, type Citation } from "./types";

/** Streams a grounded answer from the chat model (calling its tools first if it wants), then cites the sources its [n] markers name. */
export async function* modelAnswer(input: AnswerQuestionInput & { chatModel: BaseChatModel }): AsyncGenerator<AnswerEvent> {
  const settings = input.settings ?? {};
  const sources = input.hits;
  const model = withTemperature(input.chatModel, settings.temperature);
  const tools = input.tools ?? [];
  const messages = buildMessages({ ...input, sources, withTools: tools.length > 0 });
  const { content, usage } = yield* streamWithTools(model, messages, tools, input.signal);
  yield { type: "done", content, citations: citeSources(input.question, content, sources, settings), ...(usage ? { usage } : {}) };
}

/** Sources named by [n] markers; an answer without markers cites the best relevant sources instead. */
function citeSources(question: string, answer: string, sources: readonly AnswerSource[], settings: AnswerQuestionInput["settings"] = {}): Citation[] {
  const maxCitations = settings.maxCitations ?? DEFAULT_MAX_CITATIONS;
  const sentences = scoreSentences(question, sources.map((source) => source.content));
  const ofSource = (index: number) => sentences.filter((sentence) => sentence.source === index);
  let numbers = citedSourceNumbers(answer, sources.length).slice(0, maxCitations);
  if (numbers.length === 0) {
    numbers = sources
      .map((source, index) => ({ source, index }))
      .filter(({ source, index }) => isRelevant(source, ofSource(index), settings.minScore))
      .slice(0, maxCitations)
      .map(({ index }) => index + 1);
  }
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
