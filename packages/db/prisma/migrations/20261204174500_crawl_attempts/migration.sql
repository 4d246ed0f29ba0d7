-- Runs a crawl has had: one still unfinished after INGEST_MAX_ATTEMPTS runs is failed at start, not restarted.
ALTER TABLE "crawl" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
