-- Search folding for scripts nobody had tested (issue 13), at index and at query time. The BM25 baseline's tokenizer
-- (NFKD, combining marks removed) already matched these; the 'simple' index did not:
--   * Russian "ё" → "е" ("ещё" / "еще": most Russian text writes "е");
--   * Greek vowels with tonos or dialytika → the base vowel, final sigma "ς" → "σ" (the accent moves between forms of
--     one word: "όνομα" / "ονόματα");
--   * Persian yeh "ی" and keheh "ک" → Arabic yeh "ي" and kaf "ك" (keyboards and writers mix them);
--   * Arabic-Indic and Persian digits → 0-9 (a visitor types "10" for "١٠");
--   * Hebrew vowel points and cantillation (U+0591–U+05C7 but maqaf, paseq, sof pasuq, nun hafukha) removed.
-- Same folding as 20261205113000_search_text_angle_brackets otherwise; normalizeSearchText
-- (packages/rag/src/retrieval/search-normalization.ts) is its twin, checked against it by a test.
CREATE OR REPLACE FUNCTION "frontdesk_fold_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE
    WHEN input ~ ('[àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىةیکёЁάΆέΈήΉίΊϊΪΐόΌύΎϋΫΰώΏς٠۰١۱٢۲٣۳٤۴٥۵٦۶٧۷٨۸٩۹' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327\0591\0592\0593\0594\0595\0596\0597\0598\0599\059A\059B\059C\059D\059E\059F\05A0\05A1\05A2\05A3\05A4\05A5\05A6\05A7\05A8\05A9\05AA\05AB\05AC\05AD\05AE\05AF\05B0\05B1\05B2\05B3\05B4\05B5\05B6\05B7\05B8\05B9\05BA\05BB\05BC\05BD\05BF\05C1\05C2\05C4\05C5\05C7' || ']')
      THEN translate(input, 'àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىةیکёЁάΆέΈήΉίΊϊΪΐόΌύΎϋΫΰώΏς٠۰١۱٢۲٣۳٤۴٥۵٦۶٧۷٨۸٩۹./_-:@\+~<>&' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327\0591\0592\0593\0594\0595\0596\0597\0598\0599\059A\059B\059C\059D\059E\059F\05A0\05A1\05A2\05A3\05A4\05A5\05A6\05A7\05A8\05A9\05AA\05AB\05AC\05AD\05AE\05AF\05B0\05B1\05B2\05B3\05B4\05B5\05B6\05B7\05B8\05B9\05BA\05BB\05BC\05BD\05BF\05C1\05C2\05C4\05C5\05C7', 'aaaaaaaaaaaaaacccccceeeeeeeeeeiiiiiiiiiinnnnoooooooooooooouuuuuuuuuuyyyysssszzzzzzاااايهيكееααεεηηιιιιιοουυυυυωωσ00112233445566778899            ')
    ELSE regexp_replace(input, '[./_:@\\+~<>&-]', ' ', 'g')
  END $$;

-- Stored words of text holding one of the newly folded characters are re-parsed: updating a chunk's content
-- recomputes its generated fts, and the chunk triggers move the knowledge base's statistics, postings and generation
-- to the new words. Other chunks fold as before and are untouched.
UPDATE "chunk" SET "content" = "content"
 WHERE "content" ~ ('[یکёЁάΆέΈήΉίΊϊΪΐόΌύΎϋΫΰώΏς٠-٩۰-۹' || U&'\0591-\05BD\05BF\05C1\05C2\05C4\05C5\05C7' || ']');

-- Conversation search's words (message_embedding.fts, written from the message with the same function).
UPDATE "message_embedding" e SET "fts" = to_tsvector('simple'::regconfig, "frontdesk_search_text"(m."content"))
  FROM "message" m
 WHERE m."id" = e."messageId"
   AND m."content" ~ ('[یکёЁάΆέΈήΉίΊϊΪΐόΌύΎϋΫΰώΏς٠-٩۰-۹' || U&'\0591-\05BD\05BF\05C1\05C2\05C4\05C5\05C7' || ']');
