-- Chinese, Japanese and Korean text is cut into overlapping character bigrams at index and at query time (issue 13):
-- without spaces between words, PostgreSQL's parser kept a whole phrase ("ファイルを一覧表示する") as one token, so a
-- question matched only chunks holding its exact phrase. Text holding CJK letters now has its CJK punctuation turned
-- into spaces and each run of CJK letters replaced by its bigrams ("一覧表示" → "一覧 覧表 表示"), as Lucene's CJK
-- analyzer does; other text is unchanged. The character classes are CJK_LETTERS and CJK_PUNCTUATION of
-- packages/rag/src/retrieval/search-normalization.ts, whose normalizeSearchText a test checks against this function.

-- The folding of 20261204233000_search_text_fast_path, unchanged.
CREATE FUNCTION "frontdesk_fold_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE
    WHEN input ~ ('[àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327' || ']')
      THEN translate(input, 'àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة./_-:@\+~' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327', 'aaaaaaaaaaaaaacccccceeeeeeeeeeiiiiiiiiiinnnnoooooooooooooouuuuuuuuuuyyyysssszzzzzzاااايه         ')
    ELSE regexp_replace(input, '[./_:@\\+~-]', ' ', 'g')
  END $$;

-- Each run of CJK letters becomes its bigrams (a single letter stays), every run joined to the next by a space.
CREATE FUNCTION "frontdesk_cjk_bigrams"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
  SELECT string_agg(
           CASE WHEN length(r.run[1]) < 2 OR r.run[1] !~ '^[\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]'
                THEN r.run[1]
                ELSE (SELECT string_agg(substr(r.run[1], i, 2), ' ' ORDER BY i) FROM generate_series(1, length(r.run[1]) - 1) AS i)
           END,
           ' ' ORDER BY r.n)
    FROM regexp_matches(
           regexp_replace(input, '[\u3000-\u3004\u3008-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]', ' ', 'g'),
           '[\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]+|[^\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]+',
           'g') WITH ORDINALITY AS r(run, n)
  $$;

-- Only text holding a CJK letter takes the (slower) bigram path.
CREATE FUNCTION "frontdesk_split_cjk"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE
    WHEN input ~ '[\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]'
      THEN "frontdesk_cjk_bigrams"(input)
    ELSE input
  END $$;

CREATE OR REPLACE FUNCTION "frontdesk_search_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT "frontdesk_split_cjk"("frontdesk_fold_text"(input)) $$;

-- Stored words of CJK text are re-parsed. Updating a chunk's content recomputes its generated fts, and the chunk
-- triggers (20261204211500_retrieval_term_stats, 20261205033000_impact_ordered_postings) move its statistics and
-- postings from the old lexemes to the new ones. Other chunks are untouched: their text folds as before.
UPDATE "chunk" SET "content" = "content"
 WHERE "content" ~ '[\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]';

-- Conversation search's words (message_embedding.fts, written from the message with the same function).
UPDATE "message_embedding" e SET "fts" = to_tsvector('simple'::regconfig, "frontdesk_search_text"(m."content"))
  FROM "message" m
 WHERE m."id" = e."messageId"
   AND m."content" ~ '[\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]';
