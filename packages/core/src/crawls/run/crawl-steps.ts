import type { Prisma } from "@frontdesk/db";
import { CrawlStartError, crawlNextBatch, startSiteCrawl, type CrawlSettings, type CrawlState } from "@frontdesk/rag";
import { readCrawlSettings } from "../views";
import { crawlEnvironment } from "./crawl-environment";
import { crawledPageStore } from "./crawled-page-store";
import type { CrawlDeps, CrawlRef } from "./types";

/** Pages per durable step: a retried step re-fetches at most this many. */
export const CRAWL_BATCH_SIZE = 10;
const MAX_KEPT_FAILURES = 20;

export type BeginCrawlOutcome =
  | { outcome: "missing" }
  | { outcome: "failed"; reason: string }
  | { outcome: "started"; settings: CrawlSettings; state: CrawlState };

const whereCrawl = (ref: CrawlRef) => ({ id: ref.crawlId, organizationId: ref.organizationId, knowledgeBaseId: ref.knowledgeBaseId });

/** Step 1: marks the crawl running, checks the start URL (SSRF guard, robots.txt) and reads sitemaps. */
export async function beginCrawl(deps: CrawlDeps, ref: CrawlRef): Promise<BeginCrawlOutcome> {
  const crawl = await deps.prisma.crawl.findFirst({ where: whereCrawl(ref) });
  if (!crawl || crawl.status === "cancelled") return { outcome: "missing" };
  const stored = readCrawlSettings(crawl.settings);
  const settings: CrawlSettings = {
    startUrl: crawl.startUrl,
    mode: crawl.mode === "sitemap" ? "sitemap" : "url",
    maxDepth: crawl.maxDepth,
    maxPages: crawl.maxPages,
    sameOrigin: crawl.sameOrigin,
    include: stored.include,
    exclude: stored.exclude,
  };
  await deps.prisma.crawl.updateMany({ where: whereCrawl(ref), data: { status: "running", error: null, finishedAt: null } });
  try {
    const state = await startSiteCrawl(settings, crawlEnvironment(deps.config));
    await recordProgress(deps, ref, state);
    return { outcome: "started", settings, state };
  } catch (error) {
    if (!(error instanceof CrawlStartError)) throw error;
    await failCrawl(deps, ref, error.message);
    return { outcome: "failed", reason: error.message };
  }
}

/** Step 2..n: fetches and stores the next batch of pages; a start page that cannot be read fails the crawl. */
export async function crawlPages(
  deps: CrawlDeps,
  ref: CrawlRef,
  settings: CrawlSettings,
  state: CrawlState,
): Promise<{ outcome: "continued"; state: CrawlState } | { outcome: "failed"; reason: string }> {
  try {
    const next = await crawlNextBatch(state, settings, crawlEnvironment(deps.config), crawledPageStore(deps, ref), CRAWL_BATCH_SIZE);
    await recordProgress(deps, ref, next);
    return { outcome: "continued", state: next };
  } catch (error) {
    if (!(error instanceof CrawlStartError)) throw error;
    await failCrawl(deps, ref, error.message);
    return { outcome: "failed", reason: error.message };
  }
}

/** Last step: the crawl is completed with its final counts. */
export async function finishCrawl(deps: CrawlDeps, ref: CrawlRef, state: CrawlState): Promise<void> {
  await recordProgress(deps, ref, state, { status: "completed", finishedAt: new Date() });
}

/** The crawl could not run (start failure, or retries ran out). */
export async function failCrawl(deps: CrawlDeps, ref: CrawlRef, reason: string): Promise<void> {
  await deps.prisma.crawl.updateMany({
    where: { ...whereCrawl(ref), status: { in: ["queued", "running"] } },
    data: { status: "failed", error: reason.slice(0, 2000), finishedAt: new Date() },
  });
}

async function recordProgress(deps: CrawlDeps, ref: CrawlRef, state: CrawlState, extra: Prisma.CrawlUpdateManyMutationInput = {}) {
  const crawl = await deps.prisma.crawl.findFirst({ where: whereCrawl(ref), select: { settings: true } });
  if (!crawl) return;
  const settings = { ...readCrawlSettings(crawl.settings), failures: state.failures.slice(0, MAX_KEPT_FAILURES) };
  await deps.prisma.crawl.updateMany({
    where: whereCrawl(ref),
    data: {
      pagesDiscovered: state.counts.discovered,
      pagesIngested: state.counts.ingested,
      pagesUnchanged: state.counts.unchanged,
      pagesSkipped: state.counts.skipped,
      pagesFailed: state.counts.failed,
      settings,
      ...extra,
    },
  });
}
