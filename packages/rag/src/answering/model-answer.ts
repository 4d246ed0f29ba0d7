import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk, MessageContent } from "@langchain/core/messages";
import { withTemperature } from "../llm/create-chat-model";
import { buildMessages } from "./build-messages";
import { citedSourceNumbers } from "./cited-sources";
import { makeSnippet } from "./make-snippet";
import { isRelevant } from "./relevance";
import { scoreSentences } from "./score-sentences";
import { DEFAULT_MAX_CITATIONS, type AnswerEvent, type AnswerQuestionInput, type AnswerSource, type AnswerUsage, type Citation } from "./types";

/** Streams a grounded answer from the chat model, then cites the sources its [n] markers name. */
export async function* modelAnswer(input: AnswerQuestionInput & { chatModel: BaseChatModel }): AsyncGenerator<AnswerEvent> {
  const settings = input.settings ?? {};
  const sources = input.hits;
  const model = withTemperature(input.chatModel, settings.temperature);
  const stream = await model.stream(buildMessages({ ...input, sources }), { signal: input.signal });
  let content = "";
  let usage: AnswerUsage | undefined;
  for await (const chunk of stream) {
    const text = textOf(chunk.content);
    if (text) {
      content += text;
      yield { type: "token", text };
    }
    usage = addUsage(usage, chunk);
  }
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

function textOf(content: MessageContent): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

// Providers report usage on one chunk (OpenAI, at the end) or split over several (Anthropic), so it is summed
// the way LangChain concatenates chunks.
function addUsage(total: AnswerUsage | undefined, chunk: AIMessageChunk): AnswerUsage | undefined {
  const usage = chunk.usage_metadata;
  if (!usage) return total;
  return {
    promptTokens: (total?.promptTokens ?? 0) + (usage.input_tokens ?? 0),
    completionTokens: (total?.completionTokens ?? 0) + (usage.output_tokens ?? 0),
  };
}
