-- Re-crawls delete the documents of pages that are gone; the crawl reports how many.
ALTER TABLE "crawl" ADD COLUMN "pagesRemoved" INTEGER NOT NULL DEFAULT 0;
