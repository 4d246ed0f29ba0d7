-- A generation per knowledge base, bumped by every change of its chunks' text, so a process holding an in-memory
-- full-text index (packages/rag text-index-cache.ts) checks with one primary-key lookup whether its copy is still
-- current. The statistics triggers on chunk (migration 20261204211500_retrieval_term_stats) update this row in
-- every transaction that inserts, deletes or changes the text of a knowledge base's chunks (re-embedding does not),
-- so bumping on that update covers every write path without repeating their logic.

ALTER TABLE "knowledge_base_text_stats" ADD COLUMN "generation" BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION "frontdesk_text_stats_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."generation" := OLD."generation" + 1;
  RETURN NEW;
END $$;

CREATE TRIGGER "knowledge_base_text_stats_generation" BEFORE UPDATE ON "knowledge_base_text_stats"
  FOR EACH ROW EXECUTE FUNCTION "frontdesk_text_stats_generation"();
