-- Chunk postings (issue 17): one row per (knowledge base, lexeme, chunk) of the 'simple' full-text index with the
-- term frequency, the chunk's length and its BM25 impact, so a large knowledge base scores a query from narrow
-- index entries instead of reading every candidate chunk's TOASTed tsvector. Two indexes serve two reads:
--   * chunk_posting_impact_idx: a lexeme's postings best first (impact, i.e. BM25's term-frequency part with the
--     knowledge base's average length when the chunk was written), so a query reads the top N of each common term
--     and every posting of a rare one, index-only (full-text-search.ts);
--   * the primary key: one chunk's posting of a lexeme, to complete the scores of the best candidates and for deletes.
-- Kept by the chunk statistics triggers of 20261204211500_retrieval_term_stats (same statements, same lock); the
-- exact score always uses tf and the length with the current average length, the stored impact only orders.

CREATE TABLE "chunk_posting" (
  "knowledgeBaseId" TEXT NOT NULL,
  "lexeme" TEXT NOT NULL,
  "chunkId" TEXT NOT NULL,
  "tf" SMALLINT NOT NULL,
  "tokenCount" INTEGER NOT NULL,
  "impact" REAL NOT NULL
);

-- The postings of chunks (each lexeme with its tf, and the chunk's impact at its knowledge base's average length).
CREATE FUNCTION "frontdesk_chunk_postings"(ids TEXT[], kbs TEXT[], tokens INTEGER[], ftss TSVECTOR[])
RETURNS TABLE (kb TEXT, lexeme TEXT, id TEXT, tf SMALLINT, dl INTEGER, impact REAL)
LANGUAGE sql STABLE AS $$
  SELECT ch.kb, u.lexeme, ch.id, least(coalesce(array_length(u.positions, 1), 1), 32767)::smallint, greatest(ch.tokens, 1),
         "frontdesk_bm25_impact"(coalesce(array_length(u.positions, 1), 1), ch.tokens, s."tokenSum"::float8 / greatest(s."chunkCount", 1))::real
    FROM unnest(ids, kbs, tokens, ftss) AS ch(id, kb, tokens, fts)
    JOIN "knowledge_base_text_stats" s ON s."knowledgeBaseId" = ch.kb
   CROSS JOIN LATERAL unnest(ch.fts) AS u(lexeme, positions, weights)
$$;

-- Rebuilds a knowledge base's postings from its chunks (the bench's bulk loads, which pause the triggers).
CREATE FUNCTION "frontdesk_rebuild_chunk_postings"(kb TEXT)
RETURNS void LANGUAGE sql AS $$
  DELETE FROM "chunk_posting" WHERE "knowledgeBaseId" = kb;
  INSERT INTO "chunk_posting" ("knowledgeBaseId", "lexeme", "chunkId", "tf", "tokenCount", "impact")
  SELECT c."knowledgeBaseId", u.lexeme, c.id, least(coalesce(array_length(u.positions, 1), 1), 32767)::smallint, greatest(c."tokenCount", 1),
         "frontdesk_bm25_impact"(coalesce(array_length(u.positions, 1), 1), c."tokenCount", s."tokenSum"::float8 / greatest(s."chunkCount", 1))::real
    FROM "chunk" c
    JOIN "knowledge_base_text_stats" s ON s."knowledgeBaseId" = c."knowledgeBaseId"
   CROSS JOIN LATERAL unnest(c.fts) AS u(lexeme, positions, weights)
   WHERE c."knowledgeBaseId" = kb;
$$;

-- What is already there (the indexes are built afterwards: faster than maintaining them row by row).
SELECT "frontdesk_rebuild_chunk_postings"("knowledgeBaseId") FROM "knowledge_base_text_stats";

ALTER TABLE "chunk_posting" ADD CONSTRAINT "chunk_posting_pkey" PRIMARY KEY ("knowledgeBaseId", "lexeme", "chunkId");
CREATE INDEX "chunk_posting_impact_idx" ON "chunk_posting" ("knowledgeBaseId", "lexeme", "impact" DESC, "chunkId") INCLUDE ("tf", "tokenCount");

-- The statistics function of 20261205033000_impact_ordered_postings, now also writing and deleting postings.
CREATE OR REPLACE FUNCTION "frontdesk_apply_chunk_stats"(changed_id TEXT[], changed_kb TEXT[], changed_tokens INTEGER[], changed_fts TSVECTOR[], sign INTEGER)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('frontdesk_kb_text_stats:' || kb, 0))
     FROM (SELECT DISTINCT kb FROM unnest(changed_kb) AS kb ORDER BY kb) kbs;
  INSERT INTO "knowledge_base_text_stats" AS s ("knowledgeBaseId", "chunkCount", "tokenSum")
  SELECT ch.kb, sign * count(*), sign * sum(greatest(ch.tokens, 1))
    FROM unnest(changed_kb, changed_tokens) AS ch(kb, tokens)
    JOIN "knowledge_base" k ON k.id = ch.kb
   GROUP BY ch.kb
   ORDER BY ch.kb
  ON CONFLICT ("knowledgeBaseId") DO UPDATE
     SET "chunkCount" = s."chunkCount" + excluded."chunkCount", "tokenSum" = s."tokenSum" + excluded."tokenSum";
  INSERT INTO "knowledge_base_term" AS t ("knowledgeBaseId", "lexeme", "chunkCount")
  SELECT ch.kb, u.lexeme, sign * count(*)
    FROM unnest(changed_kb, changed_fts) AS ch(kb, fts)
    JOIN "knowledge_base" k ON k.id = ch.kb
   CROSS JOIN LATERAL unnest(tsvector_to_array(ch.fts)) AS u(lexeme)
   GROUP BY ch.kb, u.lexeme
   ORDER BY ch.kb, u.lexeme
  ON CONFLICT ("knowledgeBaseId", "lexeme") DO UPDATE SET "chunkCount" = t."chunkCount" + excluded."chunkCount";
  IF sign > 0 THEN
    INSERT INTO "chunk_posting" ("knowledgeBaseId", "lexeme", "chunkId", "tf", "tokenCount", "impact")
    SELECT p.kb, p.lexeme, p.id, p.tf, p.dl, p.impact
      FROM "frontdesk_chunk_postings"(changed_id, changed_kb, changed_tokens, changed_fts) p
      JOIN "knowledge_base" k ON k.id = p.kb
     ORDER BY p.kb, p.lexeme, p.id;
    PERFORM "frontdesk_add_top_postings"(changed_id, changed_kb, changed_tokens, changed_fts);
  ELSE
    DELETE FROM "chunk_posting" p
     USING (SELECT ch.kb, u.lexeme, ch.id
              FROM unnest(changed_id, changed_kb, changed_fts) AS ch(id, kb, fts)
             CROSS JOIN LATERAL unnest(tsvector_to_array(ch.fts)) AS u(lexeme)) r
     WHERE p."knowledgeBaseId" = r.kb AND p.lexeme = r.lexeme AND p."chunkId" = r.id;
    PERFORM "frontdesk_remove_top_postings"(changed_id, changed_kb, changed_fts);
    DELETE FROM "knowledge_base_term" t
     USING (SELECT DISTINCT kb FROM unnest(changed_kb) AS kb) kbs
     WHERE t."knowledgeBaseId" = kbs.kb AND t."chunkCount" <= 0;
  END IF;
END $$;
