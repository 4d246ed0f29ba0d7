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
  /**
   * false → ingestion embeds chunks only and stores no sentence vectors (answering then embeds a quoted chunk's
   * sentences itself). Absent = true. For the retrieval bench: search reads sentence vectors only with
   * `sentenceWeight` > 0, and they are ~6 of every 7 texts the local model embeds at ingestion.
   */
  sentenceVectorsAtIngestion?: boolean;
}
