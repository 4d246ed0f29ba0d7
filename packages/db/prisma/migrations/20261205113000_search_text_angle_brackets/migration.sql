-- "<", ">" and "&" become spaces when text is folded for full-text search (issue 13). PostgreSQL's default parser
-- reads "<word>" as an XML tag and "&name;" as an entity, and the 'simple' configuration indexes neither, so the
-- words of placeholders ("<Rechner>:<Verzeichnis>", "<filename>"), of angle-bracketed addresses
-- ("Name <info@clinic.example>") and of code ("a<b>") were never indexed nor searchable; the BM25 baseline's
-- tokenizer keeps them (17 of the first 200 German man pages lost words this way). Same folding as
-- 20261205061500_search_text_cjk_bigrams otherwise; normalizeSearchText (search-normalization.ts) is its twin.
CREATE OR REPLACE FUNCTION "frontdesk_fold_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE
    WHEN input ~ ('[àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327' || ']')
      THEN translate(input, 'àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة./_-:@\+~<>&' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327', 'aaaaaaaaaaaaaacccccceeeeeeeeeeiiiiiiiiiinnnnoooooooooooooouuuuuuuuuuyyyysssszzzzzzاااايه            ')
    ELSE regexp_replace(input, '[./_:@\\+~<>&-]', ' ', 'g')
  END $$;

-- Stored words of text holding one of them are re-parsed: updating a chunk's content recomputes its generated fts,
-- and the chunk triggers move the knowledge base's statistics, postings and generation to the new words. Other
-- chunks fold as before and are untouched.
UPDATE "chunk" SET "content" = "content" WHERE "content" ~ '[<>&]';

-- Conversation search's words (message_embedding.fts, written from the message with the same function).
UPDATE "message_embedding" e SET "fts" = to_tsvector('simple'::regconfig, "frontdesk_search_text"(m."content"))
  FROM "message" m
 WHERE m."id" = e."messageId" AND m."content" ~ '[<>&]';
