import { Prisma, type PrismaClient } from "@frontdesk/db";
import {
  checkLimit,
  chunkScopeFilter,
  readyDocument,
  retrievedChunkColumns,
  toRetrievedChunk,
  type RetrievedChunkRow,
} from "./sql-fragments";
import { normalizeSearchText } from "./search-normalization";
import { stopwords } from "./stopwords";
import type { FullTextSearchHit, SearchScope } from "./types";

export interface FullTextSearchInput extends SearchScope {
  /** Arbitrary user text in any language; it is bound as a parameter and parsed by PostgreSQL. */
  query: string;
  limit: number;
  /**
   * Relevance feedback (RM3): lexemes as stored in the index (from `feedbackTerms`) with their probabilities,
   * interpolated with the query as λ · P(w|query) + (1 − λ) · P(w|feedback), λ = originalWeight. They add to
   * the score but not to `coverage`, which stays a measure of how much of the visitor's question a chunk holds.
   */
  feedback?: { terms: readonly WeightedTerm[]; originalWeight: number };
  /**
   * Score only these chunks (still with document frequencies and lengths of the whole scope): a second pass
   * that re-ranks known candidates costs a few index lookups per term instead of scoring every chunk that
   * contains a common expansion word.
   */
  within?: readonly string[];
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

// Compared with lexemes of the folded query, so the list is folded the same way.
export const stopwordList = [...new Set([...stopwords].map(normalizeSearchText))];

/** Okapi BM25 parameters (the usual defaults), inlined as SQL literals: they are constants, not input. */
const K1 = Prisma.raw("1.2");
const B = Prisma.raw("0.75");

/**
 * Okapi BM25 over the chunks' generated 'simple' tsvector, computed in SQL.
 *
 * The query is folded (frontdesk_search_text: diacritics, Arabic letter variants) and parsed with the same
 * 'simple' configuration as the chunks (no stemming, any script), its
 * function words (stopwords.ts) are dropped, and a chunk matches if it contains ANY remaining term: a
 * natural-language question rarely has all its words in one passage. A question made only of function words
 * has no full-text matches.
 *
 * ts_rank has no inverse document frequency, so with OR-matching a common word would weigh as much as a rare
 * one; here each term is weighted by its IDF within the searched knowledge bases, term frequency comes from the
 * tsvector positions, and length normalization from the chunk's token count. Function words are dropped even
 * so, because small knowledge bases have too little text for IDF to tell that "can" means nothing.
 */
export async function fullTextSearch(prisma: PrismaClient, input: FullTextSearchInput): Promise<FullTextSearchHit[]> {
  const limit = checkLimit(input.limit);
  if (input.knowledgeBaseIds.length === 0 || input.query.trim() === "") return [];
  const scope = chunkScopeFilter(input);
  if (input.within && input.within.length === 0) return [];
  const within = input.within ? Prisma.sql`AND c.id IN (${Prisma.join([...input.within])})` : Prisma.empty;
  // Without `within`, every chunk containing a query term is in postings, so document frequencies come from it
  // directly; with it, each term's frequency is counted over the scope through the full-text index.
  const documentFrequencies = input.within
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT count(*)::float8 AS df FROM chunk c
         WHERE ${scope} AND c.fts @@ (chr(39) || replace(replace(t.lexeme, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39))::tsquery
      ) df ON true`
    : Prisma.sql`LEFT JOIN (SELECT lexeme, count(*)::float8 AS df FROM postings GROUP BY lexeme) df ON df.lexeme = t.lexeme`;
  const lambda = Math.min(1, Math.max(0.01, input.feedback?.originalWeight ?? 1));
  // At λ = 1 feedback weighs nothing; leaving its terms out keeps them from matching with score 0.
  const extra = lambda >= 1 ? [] : (input.feedback?.terms ?? []).filter((term) => term.term !== "" && Number.isFinite(term.weight) && term.weight > 0);
  const rows = await prisma.$queryRaw<(RetrievedChunkRow & { score: number; coverage: number })[]>`
    WITH query_terms AS (
      SELECT DISTINCT lexeme
        FROM unnest(tsvector_to_array(to_tsvector('simple', frontdesk_search_text(${input.query})))) AS lexeme
       WHERE lexeme <> ALL (${stopwordList}::text[])
    ),
    -- RM3 scaled so that each of the question's n own terms weighs 1 (λ / n before scaling): a feedback term
    -- weighs (1 − λ) / λ · n · P(w|feedback), and may add to a query term.
    terms AS (
      SELECT lexeme, sum(weight)::float8 AS weight, bool_or(original) AS original
        FROM (
          SELECT lexeme, 1::float8 AS weight, true AS original FROM query_terms
          UNION ALL
          SELECT e.term, e.probability * (1 - ${lambda}::float8) / ${lambda}::float8 * (SELECT count(*) FROM query_terms), false
            FROM unnest(${extra.map((term) => term.term)}::text[], ${extra.map((term) => term.weight)}::float8[]) AS e(term, probability)
        ) t
       GROUP BY lexeme
    ),
    query AS (
      -- Lexemes come from to_tsvector (or the index), so they are quoted into tsquery syntax verbatim (never re-parsed).
      SELECT array_agg(lexeme) AS lexemes,
             string_agg(chr(39) || replace(replace(lexeme, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39), ' | ')::tsquery AS tsquery
        FROM terms
    ),
    corpus AS (
      SELECT count(*)::float8 AS n, coalesce(avg(greatest(c."tokenCount", 1)), 1)::float8 AS avgdl
        FROM chunk c
       WHERE ${scope}
    ),
    -- One row per (chunk, query term in it). Cutting the tsvector down to the query's lexemes before unnesting
    -- (mark them with weight A, keep only A) avoids expanding every lexeme of every matching chunk.
    postings AS (
      SELECT c.id, greatest(c."tokenCount", 1) AS dl, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf
        FROM chunk c
       CROSS JOIN query q
       CROSS JOIN LATERAL unnest(ts_filter(setweight(c.fts, 'A', q.lexemes), '{a}')) AS u(lexeme, positions, weights)
       WHERE ${scope} ${within} AND c.fts @@ q.tsquery
    ),
    weights AS (
      SELECT t.lexeme, t.weight, t.original, ln(1 + (corpus.n - coalesce(df.df, 0) + 0.5) / (coalesce(df.df, 0) + 0.5)) AS idf
        FROM terms t
       CROSS JOIN corpus
       ${documentFrequencies}
    ),
    scored AS (
      SELECT p.id,
             sum(w.weight * w.idf * p.tf * (${K1} + 1) / (p.tf + ${K1} * (1 - ${B} + ${B} * p.dl / corpus.avgdl))) AS score,
             coalesce(sum(w.idf) FILTER (WHERE w.original), 0) AS matched
        FROM postings p
        JOIN weights w ON w.lexeme = p.lexeme
       CROSS JOIN corpus
       GROUP BY p.id
    ),
    top AS (
      SELECT s.id, s.score, s.matched
        FROM scored s
        JOIN chunk c ON c.id = s.id
       WHERE ${readyDocument}
       ORDER BY s.score DESC, s.id
       LIMIT ${limit}
    )
    SELECT ${retrievedChunkColumns}, top.score::float8 AS score,
           coalesce(top.matched / nullif((SELECT sum(idf) FROM weights WHERE original), 0), 0)::float8 AS coverage
      FROM top
      JOIN chunk c ON c.id = top.id
      JOIN document d ON d.id = c."documentId"
     ORDER BY top.score DESC, c.id`;
  return rows.map((row) => ({ ...toRetrievedChunk(row), score: Number(row.score), coverage: Number(row.coverage) }));
}
