export { efSearchFor, MAX_EF_SEARCH, queryNearest, vectorCandidates, vectorSearch, vectorSearchQuery, type VectorSearchColumns, withIterativeScan, withVectorSearchSettings, type QueryClient, type VectorSearchInput } from "./vector-search";
export {
  fullTextCandidates,
  fullTextSearch,
  searchFullText,
  fullTextSearchQuery,
  planFullTextSearch,
  CANDIDATE_POSTINGS,
  EXACT_SEARCH_CHUNKS,
  TOP_POSTING_CANDIDATES,
  topCandidates,
  type FullTextPlan,
  type FullTextSearchInput,
  type FullTextCandidates,
  type FullTextPass,
  type FullTextSearchResult,
  DEFAULT_WORD_FORMS,
  type SearchBounds,
} from "./full-text-search";
export type { WordForm } from "./word-forms";
export { chunkRows } from "./chunk-rows";
export { chunkSimilarities } from "./chunk-similarities";
export { sentenceSimilarities } from "./sentence-similarities";
export { scoreAgreement, MIN_AGREEMENT } from "./vector-agreement";
export { cosineSpread, decideQueryFusion, DEFAULT_READABLE_SPREAD, MIN_READABLE_SPREAD, READABLE_TEXT_WEIGHT_SCALE } from "./vector-spread";
export { textIndexCache, textIndexOptionsFromEnv, TextIndexCache, type TextIndexOptions } from "./text-index-cache";
export { postingCount, textIndexBytes, type TextIndex } from "./text-index";
export { indexedFullTextSearch, indexedTextCandidates } from "./text-index-search";
export {
  hybridSearch,
  fuseHits,
  fuseScores,
  DEFAULT_HYBRID_LIMIT,
  DEFAULT_CANDIDATES,
  normalizeTextScores,
  DEFAULT_MIN_TEXT_SCORE,
  DEFAULT_TEXT_WEIGHT,
  DEFAULT_SENTENCE_WEIGHT,
  type FusedScore,
  type FusionCandidates,
  type FusionMethod,
  type FusionOptions,
  type HybridSearchInput,
} from "./hybrid-search";
export { reciprocalRankFusion, RRF_K, type RankedList } from "./reciprocal-rank-fusion";
export { createBm25Index, tokenize, type Bm25Document, type Bm25Index, type Bm25Params } from "./bm25";
export type {
  FullTextSearchHit,
  RetrievedChunk,
  SearchFilters,
  SearchHit,
  SearchScope,
  SourceKindName,
  TextCandidate,
  VectorCandidate,
  VectorSearchHit,
} from "./types";
export { LexicalProximityReranker, contentWords, type Reranker } from "./rerank";
export type { QueryExpander } from "./query-expander";
export { normalizeSearchText, FOLD_FROM, FOLD_TO } from "./search-normalization";
export { feedbackOriginalWeight, hasClearLeader, runnerUpShare, FEEDBACK_MIN_RUNNER_UP_SHARE, LED_ORIGINAL_QUERY_WEIGHT, RUNNERS_UP } from "./feedback-gate";
export { feedbackTerms, FEEDBACK_CHUNKS, FEEDBACK_TERMS, ORIGINAL_QUERY_WEIGHT } from "./feedback-terms";
export type { WeightedTerm } from "./full-text-search";
