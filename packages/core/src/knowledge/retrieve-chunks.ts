import { hybridSearch } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { SearchResult } from "./schemas";

export interface RetrieveChunksInput {
  query: string;
  queryVector: number[];
  knowledgeBaseIds: string[];
  limit: number;
  minScore?: number;
}

/** The one place core calls retrieval: hybrid (vector + BM25, fused) search scoped to the organization. */
export async function retrieveChunks(ctx: ServiceContext, input: RetrieveChunksInput): Promise<SearchResult[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const hits = await hybridSearch(ctx.prisma, {
    organizationId: ctx.organizationId,
    knowledgeBaseIds: input.knowledgeBaseIds,
    query: input.query,
    queryVector: input.queryVector,
    limit: input.limit,
    ...(input.minScore !== undefined ? { minScore: input.minScore } : {}),
  });
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
