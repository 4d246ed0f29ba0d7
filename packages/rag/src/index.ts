export type { EmbeddingsProvider, RagRuntime } from "./runtime";
export * from "./embeddings";
