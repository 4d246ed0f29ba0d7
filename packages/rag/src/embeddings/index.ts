export { createEmbeddingsProvider } from "./create-embeddings-provider";
export { LocalEmbeddings, LOCAL_EMBEDDING_DIMENSIONS, loadLocalEmbeddingModel, localModelRuns } from "./local-embeddings";
export {
  defaultEmbeddingModels,
  knownEmbeddingDimensions,
  resolveEmbeddingModel,
  type EmbeddingModelRef,
  type EmbeddingProviderName,
} from "./embedding-models";
export { createEmbeddingModelCatalog, staticEmbeddingModelCatalog, type EmbeddingModelCatalog } from "./embedding-model-catalog";
export { embedQueriesCached, embedQueryCached, type QueryBatchEmbeddings } from "./query-vector-cache";
