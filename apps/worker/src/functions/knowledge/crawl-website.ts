import { beginCrawl, crawlPages, crawlRequestedData, failCrawl, finishCrawl, removeGonePages, type CrawlDeps, type CrawlRef } from "@frontdesk/core";
import { isCrawlDone, type CrawlState } from "@frontdesk/rag";
import { inngest } from "../../client";
import { crawlRequested } from "../../events";

export const CRAWL_RETRIES = 2;

/**
 * knowledge/crawl.requested → start (SSRF guard, robots.txt, sitemaps) → pages-N (10 pages per durable step,
 * each stored as a url document; new and changed ones are queued for ingest-document) → remove-gone (documents of
 * pages an earlier crawl of the same source found and this one found gone) → finish. The crawling
 * lives in @frontdesk/rag and the storing in @frontdesk/core; this function only orders them into steps.
 */
export function createCrawlWebsite(deps: CrawlDeps) {
  return inngest.createFunction(
    {
      id: "crawl-website",
      name: "Crawl website",
      triggers: [crawlRequested],
      retries: CRAWL_RETRIES,
      // Two crawls of one knowledge base would race to update the same page documents.
      concurrency: [{ key: "event.data.knowledgeBaseId", limit: 1 }],
      onFailure: async ({ event, error }) => {
        const ref = crawlRequestedData.parse(event.data.event.data);
        await failCrawl(deps, ref, `crawl failed: ${error.message}`);
      },
    },
    async ({ event, step }) => {
      const ref: CrawlRef = event.data;
      const begun = await step.run("start", () => beginCrawl(deps, ref));
      if (begun.outcome !== "started") return begun;
      const { settings } = begun;
      let state = begun.state as CrawlState;
      for (let batch = 0; !isCrawlDone(state, settings); batch += 1) {
        const current = state;
        const result = await step.run(`pages-${batch}`, () => crawlPages(deps, ref, settings, current));
        // Failed, or cancelled (cancelCrawl already recorded it; pages fetched so far stay, nothing is removed).
        if (result.outcome !== "continued") return result;
        state = result.state as CrawlState;
      }
      const finished = state;
      // Its own step, so a retried finish does not lose the count of documents already deleted.
      const { removed } = await step.run("remove-gone", () => removeGonePages(deps, ref, finished));
      await step.run("finish", () => finishCrawl(deps, ref, finished, removed));
      return { outcome: "completed" as const, counts: finished.counts, removed };
    },
  );
}
