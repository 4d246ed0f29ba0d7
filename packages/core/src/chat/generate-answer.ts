import { answerQuestion, type AnswerEvent, type RagRuntime } from "@frontdesk/rag";
import type { SearchResult } from "../knowledge/schemas";
import type { BoundTool } from "../tools/resolve-bot-tools";
import type { ResolvedAnswerSettings } from "./answer-settings";

export interface GenerateAnswerInput {
  question: string;
  history: { role: "user" | "assistant"; content: string }[];
  sources: SearchResult[];
  systemPrompt: string;
  settings: ResolvedAnswerSettings;
  /** The organization's chat model (resolveChatModel); null → extractive answers. */
  chatModel: RagRuntime["chatModel"];
  /** The runtime's embedding model, for extractive answers. */
  embeddings?: RagRuntime["embeddings"]["embeddings"];
  /** Sentence vectors stored with the sources by that model (loadSentenceVectors), by chunk id. */
  sentenceVectors?: ReadonlyMap<string, Uint8Array>;
  /** The bot's enabled tools (chat model only); each call is validated, timed out and logged by the executor. */
  tools?: readonly BoundTool[];
}

export type { AnswerEvent };

/** The one place chat calls answering: the organization's chat model, or extractive answers when there is none. */
export function generateAnswer(input: GenerateAnswerInput): AsyncGenerator<AnswerEvent> {
  return answerQuestion({
    question: input.question,
    history: input.history,
    hits: input.sources.map((source) => ({
      chunkId: source.chunkId,
      documentId: source.documentId,
      documentTitle: source.title,
      content: source.content,
      score: source.score,
      vectorScore: source.vectorScore,
      textScore: source.textScore,
    })),
    systemPrompt: input.systemPrompt,
    chatModel: input.chatModel,
    // Extractive answers compare the question with the sources' sentences in this model's vector space.
    embeddings: input.embeddings,
    ...(input.sentenceVectors ? { sentenceVectors: input.sentenceVectors } : {}),
    ...(input.tools && input.tools.length > 0 ? { tools: input.tools } : {}),
    settings: {
      maxCitations: input.settings.maxCitations,
      temperature: input.settings.temperature,
      ...(input.settings.minScore !== undefined ? { minScore: input.settings.minScore } : {}),
      ...(input.settings.notFoundReply !== undefined ? { notFoundReply: input.settings.notFoundReply } : {}),
    },
  });
}
