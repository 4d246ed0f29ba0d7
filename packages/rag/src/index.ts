export type { EmbeddingsProvider, RagRuntime } from "./runtime";
