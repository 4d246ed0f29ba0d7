import { hybridSearch, LexicalProximityReranker, timeSpan, type FusionOptions, type SearchFilters } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { SearchResult } from "./schemas";

export interface RetrieveChunksInput {
  query: string;
  /** Full-text side when it differs from `query` (expansion terms added), or its promise (see hybridSearch). */
  textQuery?: string | Promise<string | undefined>;
  /** The query's vector, or its promise: the full-text side does not wait for it (see hybridSearch). */
  queryVector: number[] | Promise<number[]>;
  knowledgeBaseIds: string[];
  limit: number;
  fusion?: FusionOptions;
  filters?: SearchFilters;
  rerank?: boolean;
  /** Sentence vectors read with the rows (see SearchKnowledgeBasesInput.sentenceVectors), put in `found`. */
  sentenceVectors?: { model: string; first: number; found: Map<string, Uint8Array | null> } | undefined;
}

const reranker = new LexicalProximityReranker();

/** The one place core calls retrieval: hybrid (vector + BM25, fused) search scoped to the organization. */
export async function retrieveChunks(ctx: ServiceContext, input: RetrieveChunksInput): Promise<SearchResult[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const hits = await timeSpan("search.hybridSearch", () => hybridSearch(ctx.prisma, {
    organizationId: ctx.organizationId,
    knowledgeBaseIds: input.knowledgeBaseIds,
    query: input.query,
    queryVector: input.queryVector,
    limit: input.limit,
    ...input.fusion,
    ...(input.textQuery !== undefined ? { textQuery: input.textQuery } : {}),
    ...(input.filters ? { filters: input.filters } : {}),
    ...(input.rerank ? { reranker } : {}),
    ...(input.sentenceVectors ? { sentenceVectors: { model: input.sentenceVectors.model, first: input.sentenceVectors.first } } : {}),
  }));
  for (const hit of hits) if (hit.sentenceVectors !== undefined) input.sentenceVectors?.found.set(hit.chunkId, hit.sentenceVectors);
  return hits.map((hit) => ({
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    knowledgeBaseId: hit.knowledgeBaseId,
    title: hit.documentTitle,
    content: hit.content,
    position: hit.position,
    score: hit.score,
    vectorScore: hit.vectorScore,
    textScore: hit.textScore,
  }));
}
