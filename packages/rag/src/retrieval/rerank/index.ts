export type { Reranker } from "./reranker";
export { LexicalProximityReranker, contentWords, proximity } from "./lexical-proximity-reranker";
