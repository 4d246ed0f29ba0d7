import { Prisma } from "@frontdesk/db";
import { checkLimit, chunkScopeFilter, retrievedChunkColumns } from "./sql-fragments";
import type { FullTextPlan, FullTextSearchInput } from "./full-text-search";

/** Okapi BM25 parameters, as full-text-search.ts and frontdesk_bm25_impact. */
const K1 = 1.2;
const B = 0.75;

/**
 * Postings read per query term from chunk_posting, best impact first (migration 20261205071500_chunk_postings): a
 * term with at most this many chunks in a knowledge base is read whole, so rare terms are scored exactly; a common
 * term's unread postings weigh at most its last read impact, and its IDF is small.
 */
export const POSTINGS_PER_TERM = 1_000;
/** Candidates, beyond the requested limit, whose scores are completed with the postings they were not read with. */
export const COMPLETED_EXTRA = 50;

/**
 * BM25 top-k from the postings table alone, no tsvector read (the classic impact-ordered idea in SQL): each query
 * term's best postings (every posting of a rare term) are read from the impact index and summed per chunk, a
 * lower bound of its score; a term read only in part may add at most weight × IDF × its last read impact to a chunk
 * it was not read for, the upper bound. The chunks with the best upper bounds get their missing postings by primary
 * key, so their scores are exact; the best of those whose document is ready are returned. Chunks no read posting
 * reaches are not scored (all their terms are common ones, each outside its best postings).
 */
export function postingsSearchQuery(input: FullTextSearchInput, plan: FullTextPlan): Prisma.Sql {
  const limit = checkLimit(input.limit);
  const perTerm = Math.max(1, Math.trunc(input.bounds?.postingsPerTerm ?? POSTINGS_PER_TERM));
  const completed = limit + Math.max(0, Math.trunc(input.bounds?.completedExtra ?? COMPLETED_EXTRA));
  const terms = plan.terms.filter((term) => term.weight > 0 && term.df > 0);
  const originalIdf = plan.terms.filter((term) => term.original).reduce((sum, term) => sum + term.idf, 0);
  const bm25 = (tf: Prisma.Sql, dl: Prisma.Sql) =>
    Prisma.sql`${tf}::float8 * ${K1 + 1}::float8 / (${tf} + ${K1}::float8 * (1 - ${B}::float8 + ${B}::float8 * ${dl} / ${plan.averageLength}::float8))`;
  return Prisma.sql`
    WITH terms AS MATERIALIZED (
      SELECT * FROM unnest(${terms.map((t) => t.lexeme)}::text[], ${terms.map((t) => t.weight * t.idf)}::float8[],
                           ${terms.map((t) => (t.original ? t.idf : 0))}::float8[]) AS t(lexeme, weight, matched)
    ),
    bases AS (SELECT unnest(${[...input.knowledgeBaseIds]}::text[]) AS id),
    -- Each term's best postings in each knowledge base, from the impact index (index-only once vacuumed).
    read AS MATERIALIZED (
      SELECT p."knowledgeBaseId" AS kb, p."chunkId" AS id, t.lexeme, p.impact,
             t.weight * ${bm25(Prisma.sql`p.tf`, Prisma.sql`p."tokenCount"`)} AS part, t.matched
        FROM terms t
       CROSS JOIN bases b
       CROSS JOIN LATERAL (
         SELECT q."knowledgeBaseId", q."chunkId", q.tf, q."tokenCount", q.impact
           FROM chunk_posting q
          WHERE q."knowledgeBaseId" = b.id AND q.lexeme = t.lexeme
          ORDER BY q.impact DESC, q."chunkId"
          LIMIT ${perTerm}
       ) p
    ),
    -- Terms read only in part: what one of their unread postings may add at most.
    truncated AS MATERIALIZED (
      SELECT r.lexeme, max(r.floor) * max(t.weight) AS bound
        FROM (SELECT lexeme, kb, min(impact) AS floor FROM read GROUP BY lexeme, kb HAVING count(*) >= ${perTerm}) r
        JOIN terms t ON t.lexeme = r.lexeme
       GROUP BY r.lexeme
    ),
    summed AS (
      SELECT r.id, min(r.kb) AS kb, sum(r.part) AS partial, sum(r.matched) AS matched, array_agg(r.lexeme) AS lexemes
        FROM read r
       GROUP BY r.id
    ),
    best AS MATERIALIZED (
      SELECT s.id, s.kb, s.partial, s.matched, s.lexemes
        FROM summed s
       ORDER BY s.partial + coalesce((SELECT sum(x.bound) FROM truncated x WHERE x.lexeme <> ALL (s.lexemes)), 0) DESC, s.id
       LIMIT ${completed}
    ),
    -- The best candidates' postings of the partly read terms they were not read with, by primary key.
    missing AS (
      SELECT b.id, sum(t.weight * ${bm25(Prisma.sql`p.tf`, Prisma.sql`p."tokenCount"`)}) AS part, sum(t.matched) AS matched
        FROM best b
       CROSS JOIN truncated x
        JOIN terms t ON t.lexeme = x.lexeme
        JOIN chunk_posting p ON p."knowledgeBaseId" = b.kb AND p.lexeme = x.lexeme AND p."chunkId" = b.id
       WHERE x.lexeme <> ALL (b.lexemes)
       GROUP BY b.id
    ),
    -- Chunks of documents being (re)processed or failed stay out (readyDocument); the scope is checked again here.
    top AS (
      SELECT b.id, b.partial + coalesce(m.part, 0) AS score, b.matched + coalesce(m.matched, 0) AS matched
        FROM best b
        LEFT JOIN missing m ON m.id = b.id
        JOIN chunk c ON c.id = b.id
       WHERE ${chunkScopeFilter(input)}
         AND EXISTS (SELECT 1 FROM document rd WHERE rd.id = c."documentId" AND rd.status = 'ready')
       ORDER BY score DESC, b.id
       LIMIT ${limit}
    )
    SELECT ${retrievedChunkColumns}, top.score::float8 AS score,
           coalesce(top.matched / nullif(${originalIdf}::float8, 0), 0)::float8 AS coverage
      FROM top
      JOIN chunk c ON c.id = top.id
      JOIN document d ON d.id = c."documentId"
     ORDER BY top.score DESC, c.id`;
}
