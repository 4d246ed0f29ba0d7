export { beginCrawl, crawlPages, CRAWL_BATCH_SIZE, failCrawl, finishCrawl, removeGonePages, type BeginCrawlOutcome } from "./crawl-steps";
export { crawledPageStore } from "./crawled-page-store";
export { failStuckCrawlsOutOfAttempts, findStuckCrawls } from "./find-stuck-crawls";
export { crawlEnvironment } from "./crawl-environment";
export type { CrawlDeps, CrawlRef } from "./types";
