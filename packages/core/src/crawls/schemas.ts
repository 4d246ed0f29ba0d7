import { z } from "zod";

const pattern = z.string().trim().min(1).max(500);

/** Body of POST /knowledge/bases/{id}/crawls and input of knowledge.crawls.start. */
export const startCrawlInput = z
  .object({
    url: z.url({ protocol: /^https?$/, message: "url must be an http(s) URL" }).max(2048),
    /** url: follow links from `url`; sitemap: `url` is a sitemap (or a site whose robots.txt names one). */
    mode: z.enum(["url", "sitemap"]).default("url"),
    maxDepth: z.number().int().min(0).max(10).default(2),
    maxPages: z.number().int().min(1).max(1000).default(50),
    sameOrigin: z.boolean().default(true),
    /** `*` wildcards; a leading "/" matches the path and query, anything else the whole URL. */
    include: z.array(pattern).max(50).default([]),
    exclude: z.array(pattern).max(50).default([]),
  })
  .strict();
export type StartCrawlInput = z.input<typeof startCrawlInput>;

export const crawlStatusSchema = z.enum(["queued", "running", "completed", "failed", "cancelled"]);

export const crawlSchema = z.object({
  id: z.string(),
  knowledgeBaseId: z.string(),
  startUrl: z.string(),
  mode: z.enum(["url", "sitemap"]),
  maxDepth: z.number().int(),
  maxPages: z.number().int(),
  sameOrigin: z.boolean(),
  include: z.array(z.string()),
  exclude: z.array(z.string()),
  status: crawlStatusSchema,
  /** In-scope URLs queued (up to four per page still allowed, so it may exceed maxPages; only maxPages are fetched). */
  pagesDiscovered: z.number().int(),
  /** New or changed pages sent to ingestion. */
  pagesIngested: z.number().int(),
  /** Pages answered 304 or with the same text as last time; not re-embedded. */
  pagesUnchanged: z.number().int(),
  /** robots.txt-disallowed, duplicates (same canonical URL or text), noindex and non-HTML/PDF resources. */
  pagesSkipped: z.number().int(),
  pagesFailed: z.number().int(),
  /**
   * Documents deleted at the end because an earlier crawl of the same start URL found their pages and this one
   * found them gone (404/410, or no longer linked or listed within its scope; only 404/410 after a crawl stopped at maxPages).
   */
  pagesRemoved: z.number().int(),
  /** Why the crawl failed; null otherwise. */
  error: z.string().nullable(),
  /** Up to 20 pages that could not be fetched, with the reason. */
  failures: z.array(z.object({ url: z.string(), reason: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CrawlView = z.infer<typeof crawlSchema>;

export const listCrawlsInput = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export type ListCrawlsInput = z.input<typeof listCrawlsInput>;

/** What Crawl.settings holds (validated on read). */
export const crawlSettingsSchema = z.object({
  include: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  failures: z.array(z.object({ url: z.string(), reason: z.string() })).default([]),
});
