-- The same folding as 20261203101000_search_text_word_splitting, faster (issue 17): translate() compares every
-- character of the text with each of the ~110 characters of its table, which cost about 1.6 ms per 2 kB chunk,
-- more than to_tsvector itself, on every chunk written. Text holding none of the table's non-ASCII characters
-- (most text, including text with curly quotes or dashes) only needs the nine ASCII word joiners turned into
-- spaces, which one regular expression does; a character-class test decides which path a text takes. Results are
-- identical (checked against normalizeSearchText by search-normalization.test.ts), so the generated fts column
-- stays valid and is not recomputed.
CREATE OR REPLACE FUNCTION "frontdesk_search_text"(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE
    WHEN input ~ ('[àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327' || ']')
      THEN translate(input, 'àáâãäåāÀÁÂÃÄÅĀçćčÇĆČèéêëēÈÉÊËĒìíîïīÌÍÎÏĪñńÑŃòóôõöøōÒÓÔÕÖØŌùúûüūÙÚÛÜŪýÿÝŸšśŠŚžźżŽŹŻأإآٱىة./_-:@\+~' || U&'\064B\064C\064D\064E\064F\0650\0651\0652\0670\0640\0300\0301\0302\0303\0304\0308\030A\030C\0327', 'aaaaaaaaaaaaaacccccceeeeeeeeeeiiiiiiiiiinnnnoooooooooooooouuuuuuuuuuyyyysssszzzzzzاااايه         ')
    ELSE regexp_replace(input, '[./_:@\\+~-]', ' ', 'g')
  END $$;
