-- Generations come from one sequence, so a value is never given twice: a statistics row deleted and inserted again
-- (the bench seeder recounts a bulk load that way, with the chunk triggers off) starts at a new generation instead
-- of 0, which an in-memory index built before could otherwise take for its own.

CREATE SEQUENCE "frontdesk_text_stats_generation_seq";
SELECT setval('frontdesk_text_stats_generation_seq', (SELECT coalesce(max("generation"), 0) + 1 FROM "knowledge_base_text_stats"));
ALTER TABLE "knowledge_base_text_stats" ALTER COLUMN "generation" SET DEFAULT nextval('frontdesk_text_stats_generation_seq');

CREATE OR REPLACE FUNCTION "frontdesk_text_stats_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."generation" := nextval('frontdesk_text_stats_generation_seq');
  RETURN NEW;
END $$;
