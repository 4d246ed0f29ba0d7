-- Full-text statistics kept per knowledge base at ingestion, so BM25 reads N, the average length and each query
-- term's document frequency with a few index lookups instead of counting them over every chunk at query time
-- (issue 17). Maintained by statement-level triggers on chunk, so every write path (worker swaps, deletes,
-- cascades) keeps them exact.

CREATE TABLE "knowledge_base_text_stats" (
    "knowledgeBaseId" TEXT NOT NULL,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "tokenSum" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "knowledge_base_text_stats_pkey" PRIMARY KEY ("knowledgeBaseId")
);

CREATE TABLE "knowledge_base_term" (
    "knowledgeBaseId" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,
    "chunkCount" INTEGER NOT NULL,

    CONSTRAINT "knowledge_base_term_pkey" PRIMARY KEY ("knowledgeBaseId","lexeme")
);

ALTER TABLE "knowledge_base_text_stats" ADD CONSTRAINT "knowledge_base_text_stats_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "knowledge_base"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "knowledge_base_term" ADD CONSTRAINT "knowledge_base_term_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "knowledge_base"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Adds (sign 1) or removes (sign -1) a set of chunks' contribution. Concurrent writers of one knowledge base take
-- its transaction-level advisory lock first (in knowledge-base order), so their upserts of shared lexemes can never
-- deadlock; a chunk swap's transaction is short.
CREATE FUNCTION "frontdesk_apply_chunk_stats"(changed_kb TEXT[], changed_tokens INTEGER[], changed_fts TSVECTOR[], sign INTEGER)
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
  IF sign < 0 THEN
    DELETE FROM "knowledge_base_term" t
     USING (SELECT DISTINCT kb FROM unnest(changed_kb) AS kb) kbs
     WHERE t."knowledgeBaseId" = kbs.kb AND t."chunkCount" <= 0;
  END IF;
END $$;

CREATE FUNCTION "frontdesk_chunk_stats_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "frontdesk_apply_chunk_stats"(array_agg("knowledgeBaseId"), array_agg("tokenCount"), array_agg(fts), 1) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "frontdesk_chunk_stats_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "frontdesk_apply_chunk_stats"(array_agg("knowledgeBaseId"), array_agg("tokenCount"), array_agg(fts), -1) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- Only rows whose text, length or knowledge base changed count (re-embedding updates leave the stats alone).
CREATE FUNCTION "frontdesk_chunk_stats_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "frontdesk_apply_chunk_stats"(array_agg(r."knowledgeBaseId"), array_agg(r."tokenCount"), array_agg(r.fts), -1)
     FROM removed r JOIN added a ON a.id = r.id
    WHERE (r."knowledgeBaseId", r."tokenCount", r.fts) IS DISTINCT FROM (a."knowledgeBaseId", a."tokenCount", a.fts)
   HAVING count(*) > 0;
  PERFORM "frontdesk_apply_chunk_stats"(array_agg(a."knowledgeBaseId"), array_agg(a."tokenCount"), array_agg(a.fts), 1)
     FROM removed r JOIN added a ON a.id = r.id
    WHERE (r."knowledgeBaseId", r."tokenCount", r.fts) IS DISTINCT FROM (a."knowledgeBaseId", a."tokenCount", a.fts)
   HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "chunk_text_stats_insert" AFTER INSERT ON "chunk"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "frontdesk_chunk_stats_added"();
CREATE TRIGGER "chunk_text_stats_delete" AFTER DELETE ON "chunk"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "frontdesk_chunk_stats_removed"();
CREATE TRIGGER "chunk_text_stats_update" AFTER UPDATE ON "chunk"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "frontdesk_chunk_stats_changed"();

-- What is already there.
INSERT INTO "knowledge_base_text_stats" ("knowledgeBaseId", "chunkCount", "tokenSum")
SELECT "knowledgeBaseId", count(*), sum(greatest("tokenCount", 1)) FROM "chunk" GROUP BY "knowledgeBaseId";
INSERT INTO "knowledge_base_term" ("knowledgeBaseId", "lexeme", "chunkCount")
SELECT c."knowledgeBaseId", u.lexeme, count(*)
  FROM "chunk" c CROSS JOIN LATERAL unnest(tsvector_to_array(c.fts)) AS u(lexeme)
 GROUP BY c."knowledgeBaseId", u.lexeme;
