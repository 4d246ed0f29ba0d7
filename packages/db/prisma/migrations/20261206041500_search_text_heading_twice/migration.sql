-- A chunk's heading counts twice in its search text (issue 13): when the first line is at most 120 characters and
-- a blank line follows (a document's title, a Markdown heading over its section), it is appended once more, so BM25
-- counts its words twice while the chunk's length (tokenCount) stays the same — BM25F's title field at weight 2.
-- Questions are searched on one line (questionSearchText), so they never have one. heading-weight.ts'
-- withHeadingTwice is this function's twin, checked against it by search-normalization.test.ts.
CREATE FUNCTION "frontdesk_heading_twice"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN input ~ '^[^\n]{1,120}\n[ \t\r]*\n' THEN input || E'\n' || substring(input FROM '^[^\n]*') ELSE input END $$;

-- The rest as 20261206033000_search_text_identifier_parts: folding, identifiers' parts, CJK bigrams.
CREATE OR REPLACE FUNCTION "frontdesk_search_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT "frontdesk_split_cjk"("frontdesk_split_identifiers"("frontdesk_fold_text"("frontdesk_heading_twice"(input)))) $$;

-- Stored words of text with a heading are re-parsed: updating a chunk's content recomputes its generated fts, and
-- the chunk triggers move the knowledge base's statistics, postings and generation to the new words.
UPDATE "chunk" SET "content" = "content" WHERE "content" ~ '^[^\n]{1,120}\n[ \t\r]*\n';

-- Conversation search's words (message_embedding.fts, written from the message with the same function).
UPDATE "message_embedding" e SET "fts" = to_tsvector('simple'::regconfig, "frontdesk_search_text"(m."content"))
  FROM "message" m
 WHERE m."id" = e."messageId"
   AND m."content" ~ '^[^\n]{1,120}\n[ \t\r]*\n';
