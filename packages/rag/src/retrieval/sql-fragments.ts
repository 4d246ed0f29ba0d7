import { Prisma } from "@frontdesk/db";
import type { RetrievedChunk, SearchFilters, SearchScope } from "./types";

/**
 * Tenant + knowledge-base filter on the `chunk` table aliased `c`, plus the scope's metadata filters; every
 * retrieval query includes it, so a filter can never widen what a tenant sees.
 */
export function chunkScopeFilter(scope: SearchScope): Prisma.Sql {
  const tenant = Prisma.sql`c."organizationId" = ${scope.organizationId}
    AND c."knowledgeBaseId" IN (${Prisma.join([...scope.knowledgeBaseIds])})`;
  const filters = metadataFilters(scope.filters);
  return filters.length === 0 ? tenant : Prisma.sql`${tenant} AND ${Prisma.join(filters, " AND ")}`;
}

/** True when the scope has a filter that narrows it below whole knowledge bases. */
export function hasMetadataFilters(filters: SearchFilters | undefined): boolean {
  return metadataFilters(filters).length > 0;
}

function metadataFilters(filters: SearchFilters | undefined): Prisma.Sql[] {
  if (!filters) return [];
  const conditions: Prisma.Sql[] = [];
  if (filters.documentIds?.length) conditions.push(Prisma.sql`c."documentId" IN (${Prisma.join([...filters.documentIds])})`);
  const documentConditions = documentFieldFilters(filters);
  if (documentConditions.length > 0) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM document fd
      WHERE fd.id = c."documentId" AND fd."organizationId" = c."organizationId" AND ${Prisma.join(documentConditions, " AND ")})`);
  }
  return conditions;
}

/** The filters on the document's own fields (tags, source kinds), on `document` aliased `fd`. */
function documentFieldFilters(filters: SearchFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.tags?.length) conditions.push(Prisma.sql`fd.tags && ${[...filters.tags]}::text[]`);
  if (filters.sourceKinds?.length) conditions.push(Prisma.sql`fd."sourceKind"::text IN (${Prisma.join([...filters.sourceKinds])})`);
  return conditions;
}

/**
 * The scope's metadata filters as conditions on `document` aliased `fd` (the documents whose chunks chunkScopeFilter
 * lets through, tenant and knowledge bases aside); TRUE without filters.
 */
export function documentFilter(filters: SearchFilters | undefined): Prisma.Sql {
  if (!filters) return Prisma.sql`TRUE`;
  const conditions = documentFieldFilters(filters);
  if (filters.documentIds?.length) conditions.push(Prisma.sql`fd.id IN (${Prisma.join([...filters.documentIds])})`);
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ");
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

/** Lexemes (as to_tsvector or the index gave them) quoted into tsquery syntax verbatim, never re-parsed. */
export function tsquery(lexemes: readonly string[], operator: " | " | " & "): string {
  return lexemes.map((lexeme) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(operator);
}
