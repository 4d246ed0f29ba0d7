import { Prisma, type PrismaClient } from "@frontdesk/db";
import { packedSentenceSimilarities } from "../answering/packed-sentence-vectors";
import { chunkScopeFilter } from "./sql-fragments";
import type { SearchScope } from "./types";

/**
 * Per chunk, the cosine similarity of the query to each of its sentences (the vectors ingestion stored for
 * extractive answers, chunk."sentenceVectors"), in stored order. Chunks stored without them, or with vectors of
 * another size than the query's, are left out.
 */
export async function sentenceSimilarities(
  prisma: PrismaClient,
  scope: SearchScope,
  queryVector: readonly number[],
  chunkIds: readonly string[],
): Promise<Map<string, number[]>> {
  if (chunkIds.length === 0 || scope.knowledgeBaseIds.length === 0 || queryVector.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<{ id: string; vectors: Uint8Array }>>`
    SELECT c.id, c."sentenceVectors" AS vectors
      FROM chunk c
     WHERE c.id IN (${Prisma.join([...chunkIds])}) AND c."embeddingDimensions" = ${queryVector.length}
       AND c."sentenceVectors" IS NOT NULL AND ${chunkScopeFilter(scope)}`;
  const result = new Map<string, number[]>();
  for (const row of rows) {
    const similarities = packedSentenceSimilarities(row.vectors, queryVector);
    if (similarities.length > 0) result.set(row.id, similarities);
  }
  return result;
}
