import type { Embeddings } from "@langchain/core/embeddings";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { EmbeddingModelCatalog } from "./embeddings/embedding-model-catalog";

/** An embedding model plus what the index needs to know about it (stored on every chunk). */
export interface EmbeddingsProvider {
  embeddings: Embeddings;
  /** e.g. "local/universal-sentence-encoder-lite" or "openai/text-embedding-3-small" */
  model: string;
  dimensions: number;
}

/** Models built once at start from config and shared by ingestion, search and chat. */
export interface RagRuntime {
  embeddings: EmbeddingsProvider;
  /** null → extractive answers with citations (no LLM configured). */
  chatModel: BaseChatModel | null;
  /** Other embedding models this deployment can build (re-embedding); absent → only `embeddings`. */
  embeddingModels?: EmbeddingModelCatalog;
}
