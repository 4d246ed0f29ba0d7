export type { EmbeddingsProvider, RagRuntime } from "./runtime";
export * from "./embeddings";
export * from "./loaders";
export * from "./splitting";
export * from "./retrieval";
export * from "./store";
export * from "./llm";
export * from "./answering";
export * from "./web";
