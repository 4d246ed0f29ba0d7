-- Full-text search folds diacritics and Arabic letter variants at index and at query time (the table is
-- packages/rag/src/retrieval/search-normalization.ts; a test checks both agree). unaccent is not available on
-- embedded PGlite, so this is a plain translate(), which is IMMUTABLE and can feed a generated column.
CREATE FUNCTION "frontdesk_search_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(input, 'àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327', 'aaaaaaaaaaaaaacccccceeeeeeeeeeiiiiiiiiiinnnnoooooooooooooouuuuuuuuuuyyyysssszzzzzzاااايه') $$;

ALTER TABLE "chunk" DROP COLUMN "fts";
ALTER TABLE "chunk" ADD COLUMN "fts" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "frontdesk_search_text"(content))) STORED;
CREATE INDEX "chunk_fts_idx" ON "chunk" USING gin ("fts");
