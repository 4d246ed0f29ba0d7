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
  const rows = await prisma.$queryRaw<Array<{ id: string; similarity: number | null }>>`
    SELECT c.id, ${cosineSimilarity(queryVector)} AS similarity
      FROM chunk c
     WHERE c.id IN (${Prisma.join([...chunkIds])}) AND ${chunkScopeFilter(scope)}`;
  return similarityMap(rows);
}

/**
 * The cosine similarity of chunk `c` to the query vector, as vector search computes it (so the numbers are the same);
 * NULL for a chunk without an embedding of the query's size.
 */
export function cosineSimilarity(queryVector: readonly number[]): Prisma.Sql {
  const dimensions = queryVector.length;
  // The type modifier cannot be a bind parameter; `dimensions` is a length we computed, never user text.
  const vectorType = Prisma.raw(`vector(${dimensions})`);
  return Prisma.sql`CASE WHEN c."embeddingDimensions" = ${dimensions} AND c.embedding IS NOT NULL
    THEN 1 - ((c.embedding::${vectorType}) <=> ${toVectorLiteral(queryVector)}::${vectorType}) END`;
}

/** Rows of (id, similarity) as a map, leaving out chunks without a similarity. */
export function similarityMap(rows: ReadonlyArray<{ id: string; similarity: number | null }>): Map<string, number> {
  return new Map(rows.flatMap((row) => (row.similarity === null ? [] : [[row.id, Number(row.similarity)] as const])));
}
