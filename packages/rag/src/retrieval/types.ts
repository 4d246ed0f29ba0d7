/** Which chunks a search may see: always one organization, and only the listed knowledge bases in it. */
export interface SearchScope {
  organizationId: string;
  knowledgeBaseIds: readonly string[];
  /** Narrows the scope further; every given filter must hold (an empty list is ignored). */
  filters?: SearchFilters;
}

export type SourceKindName = "file" | "text" | "url" | "faq";

/** Metadata filters applied in SQL next to the tenant filter. */
export interface SearchFilters {
  /** Only chunks of these documents. */
  documentIds?: readonly string[];
  /** Only documents carrying at least one of these tags (Document.tags). */
  tags?: readonly string[];
  /** Only documents of these source kinds. */
  sourceKinds?: readonly SourceKindName[];
}

/** A chunk as every search returns it, with the title of the document it came from. */
export interface RetrievedChunk {
  chunkId: string;
  documentId: string;
  knowledgeBaseId: string;
  documentTitle: string;
  content: string;
  position: number;
  metadata: Record<string, unknown>;
}

/** A vector search result without its row: what fusion needs. */
export interface VectorCandidate {
  chunkId: string;
  /** Cosine similarity, 1 - cosine distance. */
  score: number;
}

/** A full-text search result without its row (see FullTextSearchHit). */
export interface TextCandidate {
  chunkId: string;
  score: number;
  coverage: number;
}

export interface VectorSearchHit extends RetrievedChunk {
  /** Cosine similarity, 1 - cosine distance. */
  score: number;
}

export interface FullTextSearchHit extends RetrievedChunk {
  /** Okapi BM25 over the searched knowledge bases (unbounded; only comparable within one query). */
  score: number;
  /** Share of the query's IDF weight whose terms occur in the chunk, 0..1: how fully the chunk matches. */
  coverage: number;
}

export interface SearchHit extends RetrievedChunk {
  /** Fused score (see hybridSearch's `fusion`); only comparable within one query. */
  score: number;
  /** Cosine similarity to the query (null only for a chunk without an embedding of the query's size). */
  vectorScore: number | null;
  /** Full-text coverage (0..1, see FullTextSearchHit.coverage) when the chunk matched the query's terms. */
  textScore: number | null;
  /** Its stored sentence vectors, when the search was asked for them (HybridSearchInput.sentenceVectors); null: none. */
  sentenceVectors?: Uint8Array | null;
}
