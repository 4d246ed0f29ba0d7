import { Prisma, toVectorLiteral, type PrismaClient } from "@frontdesk/db";
import { chunkScopeFilter } from "./sql-fragments";
import type { SearchScope } from "./types";

/** Cosine similarity of the query to specific chunks (those full-text search found but vector search did not). */
export async function chunkSimilarities(
  prisma: PrismaClient,
  scope: SearchScope,
  queryVector: readonly number[],
  chunkIds: readonly string[],
): Promise<Map<string, number>> {
  if (chunkIds.length === 0 || scope.knowledgeBaseIds.length === 0) return new Map();
  const dimensions = queryVector.length;
  const vectorType = Prisma.raw(`vector(${dimensions})`);
  const rows = await prisma.$queryRaw<Array<{ id: string; similarity: number }>>`
    SELECT c.id, 1 - ((c.embedding::${vectorType}) <=> ${toVectorLiteral(queryVector)}::${vectorType}) AS similarity
      FROM chunk c
     WHERE c.id IN (${Prisma.join([...chunkIds])}) AND c."embeddingDimensions" = ${dimensions}
       AND c.embedding IS NOT NULL AND ${chunkScopeFilter(scope)}`;
  return new Map(rows.map((row) => [row.id, Number(row.similarity)]));
}
