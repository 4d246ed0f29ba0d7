import { hybridSearch, LexicalProximityReranker, timeSpan, type FusionOptions, type SearchFilters } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { SearchResult } from "./schemas";

export interface RetrieveChunksInput {
  query: string;
  /** Full-text side when it differs from `query` (expansion terms added). */
  textQuery?: string;
  queryVector: number[];
  knowledgeBaseIds: string[];
  limit: number;
  fusion?: FusionOptions;
  filters?: SearchFilters;
  rerank?: boolean;
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
  }));
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
