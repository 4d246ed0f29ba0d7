import type { Crawl } from "@frontdesk/db";
import { crawlSettingsSchema, type CrawlView } from "./schemas";

export function readCrawlSettings(settings: unknown) {
  const parsed = crawlSettingsSchema.safeParse(settings);
  return parsed.success ? parsed.data : { include: [], exclude: [], failures: [] };
}

export function toCrawlView(crawl: Crawl): CrawlView {
  const settings = readCrawlSettings(crawl.settings);
  return {
    id: crawl.id,
    knowledgeBaseId: crawl.knowledgeBaseId,
    startUrl: crawl.startUrl,
    mode: crawl.mode === "sitemap" ? "sitemap" : "url",
    maxDepth: crawl.maxDepth,
    maxPages: crawl.maxPages,
    sameOrigin: crawl.sameOrigin,
    include: settings.include,
    exclude: settings.exclude,
    status: crawl.status,
    pagesDiscovered: crawl.pagesDiscovered,
    pagesIngested: crawl.pagesIngested,
    pagesUnchanged: crawl.pagesUnchanged,
    pagesSkipped: crawl.pagesSkipped,
    pagesFailed: crawl.pagesFailed,
    pagesRemoved: crawl.pagesRemoved,
    error: crawl.error,
    failures: settings.failures,
    createdAt: crawl.createdAt.toISOString(),
    updatedAt: crawl.updatedAt.toISOString(),
    finishedAt: crawl.finishedAt?.toISOString() ?? null,
  };
}
