import { Prisma, type PrismaClient } from "@frontdesk/db";
import {
  checkLimit,
  chunkScopeFilter,
  readyDocument,
  retrievedChunkColumns,
  toRetrievedChunk,
  type RetrievedChunkRow,
} from "./sql-fragments";
import type { FullTextSearchHit, SearchScope } from "./types";

export interface FullTextSearchInput extends SearchScope {
  /** Arbitrary user text in any language; it is bound as a parameter and parsed by PostgreSQL. */
  query: string;
  limit: number;
}

/** Okapi BM25 parameters (the usual defaults), inlined as SQL literals: they are constants, not input. */
const K1 = Prisma.raw("1.2");
const B = Prisma.raw("0.75");

/**
 * Okapi BM25 over the chunks' generated 'simple' tsvector, computed in SQL.
 *
 * The query is parsed with the same 'simple' configuration as the chunks (no stemming, no stop words, any
 * script), and a chunk matches if it contains ANY query term: a natural-language question rarely has all its
 * words in one passage. ts_rank has no inverse document frequency, so with OR-matching words like "the" would
 * weigh as much as rare ones; here every term is weighted by its IDF in the searched knowledge bases (document
 * frequency counted through the GIN index), with term frequency from the tsvector positions and length
 * normalization from the chunk's token count.
 */
export async function fullTextSearch(prisma: PrismaClient, input: FullTextSearchInput): Promise<FullTextSearchHit[]> {
  const limit = checkLimit(input.limit);
  if (input.knowledgeBaseIds.length === 0 || input.query.trim() === "") return [];
  const scope = chunkScopeFilter(input);
  const rows = await prisma.$queryRaw<(RetrievedChunkRow & { score: number; coverage: number })[]>`
    WITH terms AS (
      -- Lexemes come from to_tsvector, so they are quoted into tsquery syntax verbatim (no re-parsing).
      SELECT lexeme, chr(39) || replace(replace(lexeme, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39) AS quoted
        FROM unnest(tsvector_to_array(to_tsvector('simple', ${input.query}))) AS lexeme
    ),
    corpus AS (
      SELECT count(*)::float8 AS n, coalesce(avg(greatest(c."tokenCount", 1)), 1)::float8 AS avgdl
        FROM chunk c
       WHERE ${scope}
    ),
    weights AS (
      SELECT t.lexeme, ln(1 + (corpus.n - df.df + 0.5) / (df.df + 0.5)) AS idf
        FROM terms t
       CROSS JOIN corpus
       CROSS JOIN LATERAL (SELECT count(*)::float8 AS df FROM chunk c WHERE ${scope} AND c.fts @@ t.quoted::tsquery) df
    ),
    matches AS (
      SELECT c.id, c."tokenCount", c.fts
        FROM chunk c
       WHERE ${scope} AND ${readyDocument}
         AND c.fts @@ (SELECT string_agg(quoted, ' | ')::tsquery FROM terms)
    ),
    scored AS (
      SELECT m.id,
             sum(w.idf * (coalesce(array_length(u.positions, 1), 1) * (${K1} + 1))
                 / (coalesce(array_length(u.positions, 1), 1)
                    + ${K1} * (1 - ${B} + ${B} * greatest(m."tokenCount", 1) / corpus.avgdl))) AS score,
             sum(w.idf) AS matched
        FROM matches m
       CROSS JOIN corpus
       CROSS JOIN LATERAL unnest(m.fts) AS u(lexeme, positions, weights)
        JOIN weights w ON w.lexeme = u.lexeme
       GROUP BY m.id
    ),
    top AS (
      SELECT id, score, matched FROM scored ORDER BY score DESC, id LIMIT ${limit}
    )
    SELECT ${retrievedChunkColumns}, top.score::float8 AS score,
           coalesce(top.matched / nullif((SELECT sum(idf) FROM weights), 0), 0)::float8 AS coverage
      FROM top
      JOIN chunk c ON c.id = top.id
      JOIN document d ON d.id = c."documentId"
     ORDER BY top.score DESC, c.id`;
  return rows.map((row) => ({ ...toRetrievedChunk(row), score: Number(row.score), coverage: Number(row.coverage) }));
}
