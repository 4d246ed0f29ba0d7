import type { AppDeps } from "../../context";

/** What the crawl steps need; the worker builds it once per process. */
export type CrawlDeps = Pick<AppDeps, "config" | "prisma" | "logger" | "events">;

/** Identifies a crawl the way the `knowledge/crawl.requested` event does. */
export interface CrawlRef {
  organizationId: string;
  knowledgeBaseId: string;
  crawlId: string;
}
