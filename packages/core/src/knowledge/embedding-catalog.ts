import { staticEmbeddingModelCatalog, type EmbeddingModelCatalog, type RagRuntime } from "@frontdesk/rag";

/** The models this deployment can embed with; a runtime without a catalog offers only its own model. */
export function embeddingCatalog(rag: RagRuntime): EmbeddingModelCatalog {
  return rag.embeddingModels ?? staticEmbeddingModelCatalog([rag.embeddings]);
}
