import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

/** A numbered source an answer cites; `index` is the n of the [n] marker in the answer text. */
export interface Citation {
  index: number;
  chunkId: string;
  documentId: string;
  title: string;
  /** The passage that supports the answer, at most ~240 characters. */
  snippet: string;
  score: number;
}

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/** What answering needs of a retrieved chunk (hybridSearch's SearchHit has all of it). */
export interface AnswerSource {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  content: string;
  score: number;
  /** Cosine similarity to the question, when known. */
  vectorScore?: number | null;
  /** Full-text coverage of the question's terms (0..1), when the chunk matched them. */
  textScore?: number | null;
}

export interface AnswerSettings {
  /** Sources cited at most (default 4). */
  maxCitations?: number;
  /** Sampling temperature for the chat model (models from createChatModel honour it per call). */
  temperature?: number;
  /** Cosine similarity from which a source counts as relevant on meaning alone (default 0.45). */
  minScore?: number;
  /** The bot owner's reply when nothing read answers (extractive answers); unset → the visitor's language's (not-found-reply.ts). */
  notFoundReply?: string;
  /** How many of the first sources an extractive answer reads (unset → sourcesReadFor the question; see SOURCES_READ_DEEPER). */
  sourcesRead?: number;
}

export interface AnswerQuestionInput {
  question: string;
  /** Earlier turns, oldest first. */
  history: readonly ChatTurn[];
  /** Retrieved sources, best first. */
  hits: readonly AnswerSource[];
  systemPrompt: string;
  /** null → an extractive answer built from the sources' own sentences. */
  chatModel: BaseChatModel | null;
  /** Extractive answers compare the question with each sentence in this model's vector space (optional). */
  embeddings?: EmbeddingsInterface;
  /**
   * Sentence vectors stored with the sources at ingestion (chunk."sentenceVectors", by chunk id), made by the same
   * model as `embeddings`; sources without them have their sentences embedded at answer time.
   */
  sentenceVectors?: ReadonlyMap<string, Uint8Array>;
  settings?: AnswerSettings;
  signal?: AbortSignal;
  /** Functions the chat model may call before answering (ignored by extractive answers). */
  tools?: readonly AnswerTool[];
}

/** A provider-neutral function tool; `run` reports failures as text the model can relay instead of throwing. */
export interface AnswerTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
  run(args: unknown, options: { signal?: AbortSignal }): Promise<{ ok: boolean; text: string }>;
}

export interface AnswerUsage {
  promptTokens: number;
  completionTokens: number;
}

export type AnswerEvent =
  | { type: "token"; text: string }
  /** One tool call the model made and what it got back, emitted after the call ran. */
  | { type: "tool"; callId: string; name: string; arguments: unknown; ok: boolean; result: string }
  | { type: "done"; content: string; citations: Citation[]; usage?: AnswerUsage };

export const DEFAULT_MAX_CITATIONS = 4;
export const DEFAULT_RELEVANT_SIMILARITY = 0.45;
