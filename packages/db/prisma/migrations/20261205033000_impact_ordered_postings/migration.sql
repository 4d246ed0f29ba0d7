-- Impact-ordered postings (issue 17): each knowledge_base_term row keeps the chunks where its lexeme weighs most in
-- BM25 (its "top postings": chunk ids and impacts, best first, at most frontdesk_top_postings() of them), so a
-- large knowledge base finds a query's full-text candidates by reading one row per query term instead of scoring
-- every chunk that holds a common term. The impact is BM25's term-frequency part,
-- tf · (k1 + 1) / (tf + k1 · (1 − b + b · dl / avgdl)), with the knowledge base's average length when the chunk
-- was written; the query multiplies it by the term's IDF and weight and sums over its terms, then scores the best
-- of those candidates exactly from their tsvectors (full-text-search.ts).
--
-- Invariant, kept by the chunk triggers of 20261204211500_retrieval_term_stats (same statements, same per-knowledge
-- base advisory lock): every posting of the lexeme that is not in the list has an impact ≤ "impactFloor"; a NULL
-- floor means the list holds every posting. Writes add a posting when it reaches the floor and cut lists longer
-- than the limit (the floor becomes the best impact cut); deletes take chunks out of the lists (they may get
-- shorter than the limit, never wrong), and a list whose lexeme is down to at most the limit's chunks is rebuilt
-- from the GIN index, so it holds every posting again.

ALTER TABLE "knowledge_base_term"
  ADD COLUMN "topChunkIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "topImpacts" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
  ADD COLUMN "impactFloor" DOUBLE PRECISION;

-- How many postings a list keeps.
CREATE FUNCTION "frontdesk_top_postings"() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 128 $$;

-- BM25's term-frequency part (k1 1.2, b 0.75, as full-text-search.ts).
CREATE FUNCTION "frontdesk_bm25_impact"(tf float8, dl float8, avgdl float8) RETURNS float8
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * greatest(dl, 1) / greatest(avgdl, 1))) $$;

-- Adds the postings of newly written chunks that reach their list's floor, then cuts every list it grew.
CREATE FUNCTION "frontdesk_add_top_postings"(added_id TEXT[], added_kb TEXT[], added_tokens INTEGER[], added_fts TSVECTOR[])
RETURNS void LANGUAGE sql AS $$
  WITH postings AS (
    SELECT ch.kb, u.lexeme, ch.id,
           "frontdesk_bm25_impact"(coalesce(array_length(u.positions, 1), 1), ch.tokens, s."tokenSum"::float8 / greatest(s."chunkCount", 1)) AS impact
      FROM unnest(added_id, added_kb, added_tokens, added_fts) AS ch(id, kb, tokens, fts)
      JOIN "knowledge_base_text_stats" s ON s."knowledgeBaseId" = ch.kb
     CROSS JOIN LATERAL unnest(ch.fts) AS u(lexeme, positions, weights)
  ),
  qualifying AS (
    SELECT p.kb, p.lexeme, p.id, p.impact
      FROM postings p
      JOIN "knowledge_base_term" t ON t."knowledgeBaseId" = p.kb AND t.lexeme = p.lexeme
     WHERE t."impactFloor" IS NULL OR p.impact >= t."impactFloor"
  ),
  entries AS (
    SELECT DISTINCT ON (kb, lexeme, id) kb, lexeme, id, impact
      FROM (
        SELECT kb, lexeme, id, impact FROM qualifying
        UNION ALL
        SELECT t."knowledgeBaseId", t.lexeme, e.id, e.impact
          FROM "knowledge_base_term" t
         CROSS JOIN LATERAL unnest(t."topChunkIds", t."topImpacts") AS e(id, impact)
         WHERE (t."knowledgeBaseId", t.lexeme) IN (SELECT kb, lexeme FROM qualifying)
      ) merged
     ORDER BY kb, lexeme, id, impact DESC
  ),
  ranked AS (
    SELECT kb, lexeme, id, impact, row_number() OVER (PARTITION BY kb, lexeme ORDER BY impact DESC, id) AS rank FROM entries
  ),
  lists AS (
    SELECT kb, lexeme,
           coalesce(array_agg(id ORDER BY rank) FILTER (WHERE rank <= "frontdesk_top_postings"()), ARRAY[]::TEXT[]) AS ids,
           coalesce(array_agg(impact ORDER BY rank) FILTER (WHERE rank <= "frontdesk_top_postings"()), ARRAY[]::DOUBLE PRECISION[]) AS impacts,
           max(impact) FILTER (WHERE rank > "frontdesk_top_postings"()) AS cut
      FROM ranked
     GROUP BY kb, lexeme
  )
  UPDATE "knowledge_base_term" t
     SET "topChunkIds" = l.ids, "topImpacts" = l.impacts, "impactFloor" = greatest(t."impactFloor", l.cut)
    FROM lists l
   WHERE t."knowledgeBaseId" = l.kb AND t.lexeme = l.lexeme;
$$;

-- Recomputes the lists of a knowledge base's lexemes (all of them when lexemes is NULL) from its chunks, with the
-- current average length: every posting when the lexeme has at most the limit's chunks, else the best ones.
CREATE FUNCTION "frontdesk_rebuild_top_postings"(kb TEXT, lexemes TEXT[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  chunk_ids TEXT[];
BEGIN
  IF lexemes IS NULL THEN
    SELECT array_agg(c.id) INTO chunk_ids FROM "chunk" c WHERE c."knowledgeBaseId" = kb;
  ELSE
    -- The chunks holding any of the lexemes, through the GIN index (lexemes quoted verbatim, as full-text-search.ts).
    SELECT array_agg(c.id) INTO chunk_ids
      FROM "chunk" c
     WHERE c."knowledgeBaseId" = kb
       AND c.fts @@ (SELECT string_agg('''' || replace(replace(l, '\', '\\'), '''', '''''') || '''', ' | ') FROM unnest(lexemes) AS l)::tsquery;
  END IF;
  WITH postings AS (
    SELECT u.lexeme, c.id,
           "frontdesk_bm25_impact"(coalesce(array_length(u.positions, 1), 1), c."tokenCount",
                                   (SELECT s."tokenSum"::float8 / greatest(s."chunkCount", 1) FROM "knowledge_base_text_stats" s WHERE s."knowledgeBaseId" = kb)) AS impact
      FROM "chunk" c
     CROSS JOIN LATERAL unnest(c.fts) AS u(lexeme, positions, weights)
     WHERE c.id = ANY (chunk_ids) AND c."knowledgeBaseId" = kb
       AND (lexemes IS NULL OR u.lexeme = ANY (lexemes))
  ),
  ranked AS (
    SELECT lexeme, id, impact, row_number() OVER (PARTITION BY lexeme ORDER BY impact DESC, id) AS rank FROM postings
  ),
  lists AS (
    SELECT lexeme,
           array_agg(id ORDER BY rank) FILTER (WHERE rank <= "frontdesk_top_postings"()) AS ids,
           array_agg(impact ORDER BY rank) FILTER (WHERE rank <= "frontdesk_top_postings"()) AS impacts,
           max(impact) FILTER (WHERE rank > "frontdesk_top_postings"()) AS cut
      FROM ranked
     GROUP BY lexeme
  )
  UPDATE "knowledge_base_term" t
     SET "topChunkIds" = coalesce(l.ids, ARRAY[]::TEXT[]), "topImpacts" = coalesce(l.impacts, ARRAY[]::DOUBLE PRECISION[]), "impactFloor" = l.cut
    FROM lists l
   WHERE t."knowledgeBaseId" = kb AND t.lexeme = l.lexeme;
END $$;

-- Takes removed chunks out of their lexemes' lists; lists whose lexeme is down to at most the limit's chunks but
-- that may miss postings (a floor) are rebuilt. Runs after the document frequencies were lowered.
CREATE FUNCTION "frontdesk_remove_top_postings"(removed_id TEXT[], removed_kb TEXT[], removed_fts TSVECTOR[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH touched AS (
    SELECT DISTINCT ch.kb, u.lexeme FROM unnest(removed_kb, removed_fts) AS ch(kb, fts) CROSS JOIN LATERAL unnest(tsvector_to_array(ch.fts)) AS u(lexeme)
  )
  UPDATE "knowledge_base_term" t
     SET ("topChunkIds", "topImpacts") = (
       SELECT coalesce(array_agg(e.id ORDER BY e.ord), ARRAY[]::TEXT[]), coalesce(array_agg(e.impact ORDER BY e.ord), ARRAY[]::DOUBLE PRECISION[])
         FROM unnest(t."topChunkIds", t."topImpacts") WITH ORDINALITY AS e(id, impact, ord)
        WHERE e.id <> ALL (removed_id))
    FROM touched
   WHERE t."knowledgeBaseId" = touched.kb AND t.lexeme = touched.lexeme AND t."topChunkIds" && removed_id;
  PERFORM "frontdesk_rebuild_top_postings"(r.kb, r.lexemes)
     FROM (WITH touched AS (
             SELECT DISTINCT ch.kb, u.lexeme FROM unnest(removed_kb, removed_fts) AS ch(kb, fts) CROSS JOIN LATERAL unnest(tsvector_to_array(ch.fts)) AS u(lexeme)
           )
           SELECT t."knowledgeBaseId" AS kb, array_agg(t.lexeme ORDER BY t.lexeme) AS lexemes
             FROM "knowledge_base_term" t
             JOIN touched ON t."knowledgeBaseId" = touched.kb AND t.lexeme = touched.lexeme
            WHERE t."impactFloor" IS NOT NULL AND t."chunkCount" BETWEEN 1 AND "frontdesk_top_postings"()
            GROUP BY t."knowledgeBaseId") r;
END $$;

-- The statistics function of 20261204211500_retrieval_term_stats, now also keeping the lists; it takes the chunks'
-- ids too.
CREATE FUNCTION "frontdesk_apply_chunk_stats"(changed_id TEXT[], changed_kb TEXT[], changed_tokens INTEGER[], changed_fts TSVECTOR[], sign INTEGER)
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
    PERFORM "frontdesk_add_top_postings"(changed_id, changed_kb, changed_tokens, changed_fts);
  ELSE
    PERFORM "frontdesk_remove_top_postings"(changed_id, changed_kb, changed_fts);
    DELETE FROM "knowledge_base_term" t
     USING (SELECT DISTINCT kb FROM unnest(changed_kb) AS kb) kbs
     WHERE t."knowledgeBaseId" = kbs.kb AND t."chunkCount" <= 0;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION "frontdesk_chunk_stats_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "frontdesk_apply_chunk_stats"(array_agg(id), array_agg("knowledgeBaseId"), array_agg("tokenCount"), array_agg(fts), 1) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "frontdesk_chunk_stats_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "frontdesk_apply_chunk_stats"(array_agg(id), array_agg("knowledgeBaseId"), array_agg("tokenCount"), array_agg(fts), -1) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "frontdesk_chunk_stats_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "frontdesk_apply_chunk_stats"(array_agg(r.id), array_agg(r."knowledgeBaseId"), array_agg(r."tokenCount"), array_agg(r.fts), -1)
     FROM removed r JOIN added a ON a.id = r.id
    WHERE (r."knowledgeBaseId", r."tokenCount", r.fts) IS DISTINCT FROM (a."knowledgeBaseId", a."tokenCount", a.fts)
   HAVING count(*) > 0;
  PERFORM "frontdesk_apply_chunk_stats"(array_agg(a.id), array_agg(a."knowledgeBaseId"), array_agg(a."tokenCount"), array_agg(a.fts), 1)
     FROM removed r JOIN added a ON a.id = r.id
    WHERE (r."knowledgeBaseId", r."tokenCount", r.fts) IS DISTINCT FROM (a."knowledgeBaseId", a."tokenCount", a.fts)
   HAVING count(*) > 0;
  RETURN NULL;
END $$;

DROP FUNCTION "frontdesk_apply_chunk_stats"(TEXT[], INTEGER[], TSVECTOR[], INTEGER);

-- What is already there.
SELECT "frontdesk_rebuild_top_postings"("knowledgeBaseId", NULL) FROM "knowledge_base_text_stats";
