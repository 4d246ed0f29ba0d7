import { toVectorLiteral } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import type { SearchResult } from "./schemas";

export interface RetrieveChunksInput {
  query: string;
  queryVector: number[];
  knowledgeBaseIds: string[];
  dimensions: number;
  limit: number;
  minScore?: number;
}

// The single seam to @frontdesk/rag's hybridSearch (retrieval helper). Until it is exported this is a plain
// vector search with the same per-dimension expression the HNSW indexes use.
export async function retrieveChunks(ctx: ServiceContext, input: RetrieveChunksInput): Promise<SearchResult[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const dims = Math.trunc(input.dimensions);
  const rows = await ctx.prisma.$queryRawUnsafe<
    { chunkId: string; documentId: string; knowledgeBaseId: string; title: string; content: string; position: number; score: number }[]
  >(
    `SELECT c.id AS "chunkId", c."documentId", c."knowledgeBaseId", d.title, c.content, c.position,
            (1 - ((c.embedding::vector(${dims})) <=> $1::vector(${dims})))::float8 AS score
       FROM chunk c JOIN document d ON d.id = c."documentId"
      WHERE c."organizationId" = $2 AND c."knowledgeBaseId" = ANY($3::text[])
        AND c."embeddingDimensions" = ${dims} AND c.embedding IS NOT NULL AND d.status = 'ready'
      ORDER BY (c.embedding::vector(${dims})) <=> $1::vector(${dims})
      LIMIT $4`,
    toVectorLiteral(input.queryVector),
    ctx.organizationId,
    input.knowledgeBaseIds,
    input.limit,
  );
  return rows
    .map((row) => ({ ...row, score: Number(row.score), vectorScore: Number(row.score), textScore: null }))
    .filter((row) => input.minScore === undefined || row.score >= input.minScore);
}
