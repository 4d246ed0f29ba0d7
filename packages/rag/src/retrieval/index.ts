export { vectorSearch, type VectorSearchInput } from "./vector-search";
export { fullTextSearch, type FullTextSearchInput } from "./full-text-search";
export { hybridSearch, fuseHits, DEFAULT_HYBRID_LIMIT, DEFAULT_MIN_TEXT_SCORE, type HybridSearchInput } from "./hybrid-search";
export { reciprocalRankFusion, RRF_K, type RankedList } from "./reciprocal-rank-fusion";
export type { FullTextSearchHit, RetrievedChunk, SearchHit, SearchScope, VectorSearchHit } from "./types";
