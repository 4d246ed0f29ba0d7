import { Prisma } from "@frontdesk/db";
import type { RetrievedChunk, SearchScope } from "./types";

/** Tenant + knowledge-base filter on the `chunk` table aliased `c`; every retrieval query includes it. */
export function chunkScopeFilter(scope: SearchScope): Prisma.Sql {
  return Prisma.sql`c."organizationId" = ${scope.organizationId}
    AND c."knowledgeBaseId" IN (${Prisma.join([...scope.knowledgeBaseIds])})`;
}

/** Chunks of documents being (re)processed or failed stay out of results until their document is ready. */
export const readyDocument = Prisma.sql`EXISTS (SELECT 1 FROM document rd WHERE rd.id = c."documentId" AND rd.status = 'ready')`;

/** Columns of RetrievedChunk selected from `chunk c JOIN document d`. */
export const retrievedChunkColumns = Prisma.sql`c.id AS "chunkId", c."documentId", c."knowledgeBaseId",
  d.title AS "documentTitle", c.content, c.position, c.metadata`;

export interface RetrievedChunkRow extends Omit<RetrievedChunk, "metadata"> {
  metadata: unknown;
}

export function toRetrievedChunk(row: RetrievedChunkRow): RetrievedChunk {
  const { metadata, ...rest } = row;
  return {
    ...rest,
    position: Number(rest.position),
    metadata: isRecord(metadata) ? metadata : {},
  };
}

export function checkLimit(limit: number, name = "limit"): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new RangeError(`${name} must be an integer between 1 and 1000`);
  }
  return limit;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
