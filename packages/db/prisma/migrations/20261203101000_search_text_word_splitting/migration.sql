-- Full text splits words the way the BM25 baseline does (runs of letters and digits): punctuation that makes
-- PostgreSQL's default parser keep a host, path, e-mail, hyphenated word or version as one token ("os.path.join",
-- "/usr/lib", "file-like", "v2.0") becomes a space, at index and at query time. The folding table is
-- packages/rag/src/retrieval/search-normalization.ts; a test checks both agree. The generated column is dropped
-- and added again so every stored chunk is re-parsed.
ALTER TABLE "chunk" DROP COLUMN "fts";

CREATE OR REPLACE FUNCTION "frontdesk_search_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(input, 'àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة./_-:@\+~' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327', 'aaaaaaaaaaaaaacccccceeeeeeeeeeiiiiiiiiiinnnnoooooooooooooouuuuuuuuuuyyyysssszzzzzzاااايه         ') $$;

ALTER TABLE "chunk" ADD COLUMN "fts" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "frontdesk_search_text"(content))) STORED;
CREATE INDEX "chunk_fts_idx" ON "chunk" USING gin ("fts");
