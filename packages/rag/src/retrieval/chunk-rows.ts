import { Prisma, type PrismaClient } from "@frontdesk/db";
import { chunkScopeFilter, readyDocument, retrievedChunkColumns, toRetrievedChunk, type RetrievedChunkRow } from "./sql-fragments";
import type { RetrievedChunk, SearchScope } from "./types";

/**
 * The rows (content, document title, metadata) of chunks found by id, in one statement, under the scope's tenant and
 * metadata filters and only while their document is ready: searches rank ids and scores, and read rows for the
 * winners alone. Chunks missing from the map were deleted, filtered out or their document stopped being ready.
 */
export async function chunkRows(prisma: PrismaClient, scope: SearchScope, chunkIds: readonly string[]): Promise<Map<string, RetrievedChunk>> {
  if (chunkIds.length === 0 || scope.knowledgeBaseIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<RetrievedChunkRow[]>`
    SELECT ${retrievedChunkColumns}
      FROM chunk c
      JOIN document d ON d.id = c."documentId"
     WHERE c.id IN (${Prisma.join([...chunkIds])}) AND ${chunkScopeFilter(scope)} AND ${readyDocument}`;
  return new Map(rows.map((row) => [row.chunkId, toRetrievedChunk(row)]));
}
