import type { SearchHit } from "../types";

/**
 * Reorders a search's fused candidates for one query. Implementations return the same hits (scores may be
 * replaced by their own, still "higher is better"); hybridSearch cuts the result to its limit afterwards.
 */
export interface Reranker {
  /** Stable name, stored in a knowledge base's retrieval settings. */
  readonly name: string;
  rerank(query: string, candidates: readonly SearchHit[]): Promise<SearchHit[]>;
}
