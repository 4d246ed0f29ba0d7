import { Prisma, type PrismaClient } from "@frontdesk/db";
import { chunkScopeFilter, readyDocument, retrievedChunkColumns, toRetrievedChunk, type RetrievedChunkRow } from "./sql-fragments";
import type { RetrievedChunk, SearchScope } from "./types";

/** Sentence vectors to read with the rows: those stored by `model`, of the chunks in `chunkIds`. */
export interface SentenceVectorsWanted {
  model: string;
  chunkIds: readonly string[];
}

/** A chunk's row, with its stored sentence vectors when they were asked for (null: none stored by that model). */
export type ChunkRow = RetrievedChunk & { sentenceVectors?: Uint8Array | null };

/**
 * The rows (content, document title, metadata) of chunks found by id, in one statement, under the scope's tenant and
 * metadata filters and only while their document is ready: searches rank ids and scores, and read rows for the
 * winners alone. Chunks missing from the map were deleted, filtered out or their document stopped being ready.
 * With `sentenceVectors`, the same statement also reads those chunks' stored sentence vectors (an extractive answer
 * compares the question with them), so answering needs no statement of its own for them.
 */
export async function chunkRows(
  prisma: PrismaClient,
  scope: SearchScope,
  chunkIds: readonly string[],
  sentenceVectors?: SentenceVectorsWanted,
): Promise<Map<string, ChunkRow>> {
  if (chunkIds.length === 0 || scope.knowledgeBaseIds.length === 0) return new Map();
  const wanted = sentenceVectors && sentenceVectors.chunkIds.length > 0 ? sentenceVectors : undefined;
  const vectorsColumn = wanted
    ? Prisma.sql`, c.id IN (${Prisma.join([...wanted.chunkIds])}) AS "vectorsRead",
        CASE WHEN c.id IN (${Prisma.join([...wanted.chunkIds])}) AND c."embeddingModel" = ${wanted.model} THEN c."sentenceVectors" END AS "sentenceVectors"`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<Array<RetrievedChunkRow & { vectorsRead?: boolean; sentenceVectors?: Uint8Array | null }>>`
    SELECT ${retrievedChunkColumns}${vectorsColumn}
      FROM chunk c
      JOIN document d ON d.id = c."documentId"
     WHERE c.id IN (${Prisma.join([...chunkIds])}) AND ${chunkScopeFilter(scope)} AND ${readyDocument}`;
  return new Map(
    rows.map(({ vectorsRead, sentenceVectors: vectors, ...row }) => [
      row.chunkId,
      vectorsRead ? { ...toRetrievedChunk(row), sentenceVectors: vectors ?? null } : toRetrievedChunk(row),
    ]),
  );
}
