import { Prisma, toVectorLiteral, type PrismaClient } from "@frontdesk/db";
import {
  checkLimit,
  chunkScopeFilter,
  hasMetadataFilters,
  retrievedChunkColumns,
  toRetrievedChunk,
  type RetrievedChunkRow,
} from "./sql-fragments";
import type { SearchScope, VectorCandidate, VectorSearchHit } from "./types";

export interface VectorSearchInput extends SearchScope {
  queryVector: readonly number[];
  limit: number;
}

/**
 * Nearest chunks by cosine distance, with their rows (content, title, metadata). The `(embedding::vector(N))`
 * expression and the `"embeddingDimensions" = N` predicate match the per-dimension partial HNSW indexes, so only
 * chunks embedded at the query's size are candidates.
 */
export async function vectorSearch(prisma: PrismaClient, input: VectorSearchInput): Promise<VectorSearchHit[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const rows = await runVectorQuery<RetrievedChunkRow & { score: number }>(prisma, input, "rows");
  return rows.map((row) => ({ ...toRetrievedChunk(row), score: Number(row.score) }));
}

/** vectorSearch without the rows: chunk ids and cosine similarities, best first (hybridSearch reads rows last). */
export async function vectorCandidates(prisma: PrismaClient, input: VectorSearchInput): Promise<VectorCandidate[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const rows = await runVectorQuery<{ chunkId: string; score: number }>(prisma, input, "ids");
  return rows.map((row) => ({ chunkId: row.chunkId, score: Number(row.score) }));
}

/**
 * One statement on pgvector ≥ 0.8: the index settings travel inside it (vectorSearchQuery's `settings`). Only an
 * older pgvector with metadata filters needs a transaction, whose planner setting must precede planning.
 */
async function runVectorQuery<Row>(prisma: PrismaClient, input: VectorSearchInput, columns: VectorSearchColumns): Promise<Row[]> {
  if (await supportsIterativeScan(prisma)) return prisma.$queryRaw<Row[]>(vectorSearchQuery(input, { columns, settings: true }));
  return withIterativeScan(prisma, checkLimit(input.limit), hasMetadataFilters(input.filters), (client) =>
    client.$queryRaw<Row[]>(vectorSearchQuery(input, { columns, settings: false })),
  );
}

/**
 * Runs another table's nearest-neighbour statement with vector search's HNSW settings (e.g. search over
 * conversations): `statement` gets the query vector's SQL to order by. On pgvector ≥ 0.8 that SQL sets the settings
 * itself (queryVectorWithSettings), so this is one statement; else withIterativeScan's transaction.
 */
export async function queryNearest<Row>(
  prisma: PrismaClient,
  query: { vector: Prisma.Sql; limit: number; filtered: boolean },
  statement: (queryVector: Prisma.Sql) => Prisma.Sql,
): Promise<Row[]> {
  const limit = checkLimit(query.limit);
  if (await supportsIterativeScan(prisma)) return prisma.$queryRaw<Row[]>(statement(queryVectorWithSettings(query.vector, efSearchFor(limit))));
  return withIterativeScan(prisma, limit, query.filtered, (client) => client.$queryRaw<Row[]>(statement(query.vector)));
}

/** What a vector search statement returns: chunk rows (RetrievedChunk + score) or ids and scores alone. */
export type VectorSearchColumns = "rows" | "ids";

/**
 * The SQL vectorSearch runs, e.g. for `EXPLAIN` in the bench. With `settings` (the default; pgvector ≥ 0.8 only)
 * the statement sets `hnsw.iterative_scan` and `hnsw.ef_search` itself (see queryVectorWithSettings), so it needs
 * no transaction around it; without, run it inside withVectorSearchSettings.
 */
export function vectorSearchQuery(input: VectorSearchInput, options: { columns?: VectorSearchColumns; settings?: boolean } = {}): Prisma.Sql {
  const limit = checkLimit(input.limit);
  const dimensions = input.queryVector.length;
  if (dimensions < 1 || dimensions > 16_000) throw new RangeError("queryVector must have 1..16000 dimensions");
  // The type modifier cannot be a bind parameter; `dimensions` is an integer we computed, never user text.
  const vectorType = Prisma.raw(`vector(${dimensions})`);
  const literal = Prisma.sql`${toVectorLiteral(input.queryVector)}::${vectorType}`;
  const queryVector = options.settings ?? true ? queryVectorWithSettings(literal, efSearchFor(limit)) : literal;
  const ids = options.columns === "ids";
  return Prisma.sql`
    WITH nearest AS MATERIALIZED (
      SELECT c.id, c."documentId", (c.embedding::${vectorType}) <=> ${queryVector} AS distance
        FROM chunk c
       WHERE c."embeddingDimensions" = ${dimensions} AND ${chunkScopeFilter(input)}
       ORDER BY distance
       LIMIT ${limit}
    )
    SELECT ${ids ? Prisma.sql`n.id AS "chunkId"` : retrievedChunkColumns}, 1 - n.distance AS score
      FROM nearest n
      ${ids ? Prisma.empty : Prisma.sql`JOIN chunk c ON c.id = n.id`}
      JOIN document d ON d.id = n."documentId"
     -- Checked outside the nearest-neighbour scan so that it stays a plain HNSW index scan; chunks of documents
     -- being re-ingested are rare and only shorten the list.
     WHERE d.status = 'ready'
     -- "+ 0": PostgreSQL 17 (PGlite) takes the CTE's ORDER BY as the order of its rows and would skip this sort, but
     -- an iterative scan in relaxed order returns them only roughly sorted (pgvector's README does the same).
     ORDER BY n.distance + 0, n.id`;
}

/**
 * The query vector as an uncorrelated scalar subquery that first sets this statement's HNSW settings (pgvector ≥
 * 0.8; `set_config(…, true)` lasts until the statement's implicit transaction ends). The subquery is an InitPlan
 * whose value is the index scan's ORDER BY key, so PostgreSQL must run it before the scan's first tuple, and
 * pgvector reads both settings then (hnswgettuple, not at plan time or in hnswbeginscan). One round trip instead
 * of BEGIN, set_config, the query and COMMIT. The planner still costs the index with the session's ef_search (40 by
 * default, not the limit's): a cheaper estimate, so the index is chosen at least as often as before.
 */
function queryVectorWithSettings(literal: Prisma.Sql, efSearch: number): Prisma.Sql {
  return Prisma.sql`(SELECT ${literal}
     WHERE set_config('hnsw.iterative_scan', 'relaxed_order', true) IS NOT NULL
       AND set_config('hnsw.ef_search', ${String(efSearch)}, true) IS NOT NULL)`;
}

export type QueryClient = Pick<PrismaClient, "$queryRaw">;

/** Runs `run` with the index settings vector search needs for this input (see withIterativeScan). */
export function withVectorSearchSettings<T>(prisma: PrismaClient, input: VectorSearchInput, run: (client: QueryClient) => Promise<T>): Promise<T> {
  return withIterativeScan(prisma, checkLimit(input.limit), hasMetadataFilters(input.filters), run);
}

const iterativeScanSupport = new WeakMap<object, Promise<boolean>>();

/**
 * pgvector ≥ 0.8 can keep walking the HNSW graph until enough rows pass the tenant and metadata filters
 * (`hnsw.iterative_scan = relaxed_order`, set for this transaction only; the outer ORDER BY restores exact
 * order). Older versions stop after ef_search candidates and return fewer than `limit` rows when the filter
 * rejects most of them: there a filtered search disables index scans for its transaction, so it is an exact
 * (sequential) scan over the filtered rows, and an unfiltered one runs as it is.
 */
export async function withIterativeScan<T>(
  prisma: PrismaClient,
  limit: number,
  filtered: boolean,
  run: (client: QueryClient) => Promise<T>,
): Promise<T> {
  if (!(await supportsIterativeScan(prisma))) {
    if (!filtered) return run(prisma);
    return prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('enable_indexscan', 'off', true)`;
      return run(tx);
    }, SEARCH_TRANSACTION);
  }
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${String(efSearchFor(limit))}, true)`;
    return run(tx);
  }, SEARCH_TRANSACTION);
}

/**
 * Prisma ends an interactive transaction after 5 s by default, counted on this process's clock: a search whose
 * process stalls meanwhile (seen at 100k chunks under load ~30 while the in-memory full-text index was built) failed
 * its chat turn with 503. The transaction only reads and holds no locks, so it may take as long as the search does.
 */
const SEARCH_TRANSACTION = { timeout: 120_000 } as const;

/** The largest `hnsw.ef_search` vector search sets (see efSearchFor). */
export const MAX_EF_SEARCH = 100;

/**
 * `hnsw.ef_search` for a search of `limit` rows with iterative scans: the limit, at least pgvector's default 40, at
 * most MAX_EF_SEARCH. The iterative scan returns the rows past ef_search, so the limit need not fit in it, and a
 * larger ef_search costs plans: pgvector 0.8's cost estimate grows with it, and at 10k chunks the planner turned to an
 * exact sequential scan from ef_search ~130 on (hybrid search asks 5 × topK candidates, 250 for topK 50), seconds at
 * 100k. It bought no recall either on the bench's corpus (bench/README.md, `vector-recall.ts`).
 */
export function efSearchFor(limit: number): number {
  return Math.min(MAX_EF_SEARCH, Math.max(40, limit));
}

function supportsIterativeScan(prisma: PrismaClient): Promise<boolean> {
  let support = iterativeScanSupport.get(prisma);
  if (!support) {
    support = prisma
      .$queryRaw<{ version: string | null }[]>`SELECT extversion AS version FROM pg_extension WHERE extname = 'vector'`
      .then((rows) => atLeastVersion(rows[0]?.version ?? null, [0, 8]))
      .catch(() => false);
    iterativeScanSupport.set(prisma, support);
  }
  return support;
}

function atLeastVersion(version: string | null, [major, minor]: [number, number]): boolean {
  const match = version?.match(/^(\d+)\.(\d+)/);
  if (!match) return false;
  const [actualMajor, actualMinor] = [Number(match[1]), Number(match[2])];
  return actualMajor > major || (actualMajor === major && actualMinor >= minor);
}
