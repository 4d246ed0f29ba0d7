-- camelCase and PascalCase identifiers keep their joined word and gain their parts right after it, at index time
-- (issue 13): "getElementById" → "getElementById get Element By Id", "HTTPServer" → "HTTPServer HTTP Server", so a
-- question's "element by id" finds the identifier and "getelementbyid" still finds it whole. Runs of ASCII letters
-- and digits only (identifiers are ASCII, and ranges compare code points); a plural "s" after capitals ("PDFs",
-- "FAQs") is not a word. Questions are searched with their ASCII capitals lowercased (questionSearchText in
-- packages/rag/src/retrieval/identifier-parts.ts), so their identifiers stay whole. identifier-parts.ts'
-- splitIdentifiers is this function's twin, checked against it by search-normalization.test.ts.

-- Each camelCase run followed by its parts; other runs as they were.
CREATE FUNCTION "frontdesk_identifier_parts"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
  SELECT coalesce(string_agg(
           CASE WHEN r.run[1] ~ '[a-z0-9][A-Z]|[A-Z][A-Z][a-z][a-z]'
                THEN r.run[1] || ' ' || regexp_replace(regexp_replace(r.run[1], '([a-z0-9])([A-Z])', '\1 \2', 'g'), '([A-Z])([A-Z][a-z][a-z])', '\1 \2', 'g')
                ELSE r.run[1]
           END,
           '' ORDER BY r.n), '')
    FROM regexp_matches(input, '[A-Za-z0-9]+|[^A-Za-z0-9]+', 'g') WITH ORDINALITY AS r(run, n)
  $$;

-- Only text holding an identifier takes the (slower) run-by-run path.
CREATE FUNCTION "frontdesk_split_identifiers"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN input ~ '[a-z0-9][A-Z]|[A-Z][A-Z][a-z][a-z]' THEN "frontdesk_identifier_parts"(input) ELSE input END $$;

-- Folding first (it turns "é" into "e" and "_" into a space), CJK bigrams last, as before.
CREATE OR REPLACE FUNCTION "frontdesk_search_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT "frontdesk_split_cjk"("frontdesk_split_identifiers"("frontdesk_fold_text"(input))) $$;

-- Stored words of text holding an identifier are re-parsed: updating a chunk's content recomputes its generated
-- fts, and the chunk triggers move the knowledge base's statistics, postings and generation to the new words.
-- Other chunks fold as before and are untouched.
UPDATE "chunk" SET "content" = "content"
 WHERE "frontdesk_fold_text"("content") ~ '[a-z0-9][A-Z]|[A-Z][A-Z][a-z][a-z]';

-- Conversation search's words (message_embedding.fts, written from the message with the same function).
UPDATE "message_embedding" e SET "fts" = to_tsvector('simple'::regconfig, "frontdesk_search_text"(m."content"))
  FROM "message" m
 WHERE m."id" = e."messageId"
   AND "frontdesk_fold_text"(m."content") ~ '[a-z0-9][A-Z]|[A-Z][A-Z][a-z][a-z]';
