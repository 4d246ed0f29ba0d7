import type { Prisma } from "@frontdesk/db";
import {
  canonicalizeUrl,
  CrawlStartError,
  crawlNextBatch,
  isCrawlComplete,
  startSiteCrawl,
  type CrawlSettings,
  type CrawlState,
} from "@frontdesk/rag";
import { removeDocumentUploads } from "../../knowledge/uploads";
import { requestVapiFileSync } from "../../voice/sync-vapi-files";
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
  const { count } = await deps.prisma.crawl.updateMany({
    where: { ...whereCrawl(ref), status: { in: ["queued", "running"] } },
    // Counted before any page is read: recovery on start gives up on a crawl after INGEST_MAX_ATTEMPTS runs.
    data: { status: "running", error: null, finishedAt: null, attempts: { increment: 1 } },
  });
  // Cancelled (or finished) between the read and the update.
  if (count === 0) return { outcome: "missing" };
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

/**
 * Step 2..n: fetches and stores the next batch of pages; a start page that cannot be read fails the crawl. Before
 * each page it checks that the crawl is still running: once cancelCrawl has marked it cancelled, nothing more is
 * fetched and the outcome is `cancelled`.
 */
export async function crawlPages(
  deps: CrawlDeps,
  ref: CrawlRef,
  settings: CrawlSettings,
  state: CrawlState,
): Promise<{ outcome: "continued"; state: CrawlState } | { outcome: "failed"; reason: string } | { outcome: "cancelled" }> {
  try {
    const handler = { ...crawledPageStore(deps, ref), isCancelled: () => isCrawlStopped(deps, ref) };
    const next = await crawlNextBatch(state, settings, crawlEnvironment(deps.config), handler, CRAWL_BATCH_SIZE);
    await recordProgress(deps, ref, next);
    if (next.cancelled) return { outcome: "cancelled" };
    return { outcome: "continued", state: next };
  } catch (error) {
    if (!(error instanceof CrawlStartError)) throw error;
    await failCrawl(deps, ref, error.message);
    return { outcome: "failed", reason: error.message };
  }
}

/**
 * After the last page: deletes (with their chunks) the url documents of pages that earlier crawls of the same
 * source (knowledge base, mode and start URL) stored and this crawl found gone. A page is gone when it answered
 * 404/410, or, when this crawl saw its whole scope (isCrawlComplete: not stopped at maxPages, nothing dropped),
 * when it was not found at all (no longer linked or listed, now disallowed, noindex). Pages that failed for other
 * reasons were claimed by the crawl (CrawlHandler.keep) and stay. Nothing is deleted unless the crawl is still
 * running, so a cancelled crawl removes nothing; failed crawls never get here.
 */
export async function removeGonePages(deps: CrawlDeps, ref: CrawlRef, state: CrawlState): Promise<{ removed: number }> {
  const crawl = await deps.prisma.crawl.findFirst({ where: whereCrawl(ref) });
  if (!crawl || crawl.status !== "running") return { removed: 0 };
  const source = canonicalizeUrl(crawl.startUrl);
  const earlier = await deps.prisma.crawl.findMany({
    where: { organizationId: ref.organizationId, knowledgeBaseId: ref.knowledgeBaseId, mode: crawl.mode, id: { not: crawl.id } },
    select: { id: true, startUrl: true },
  });
  const earlierIds = earlier.filter((other) => canonicalizeUrl(other.startUrl) === source).map((other) => other.id);
  const gone = state.gone ?? [];
  if (earlierIds.length === 0 || (!isCrawlComplete(state) && gone.length === 0)) return { removed: 0 };
  const where: Prisma.DocumentWhereInput = {
    organizationId: ref.organizationId,
    knowledgeBaseId: ref.knowledgeBaseId,
    sourceKind: "url",
    // Documents this crawl stored, refreshed or kept point at it now; those still pointing at an earlier crawl were not found.
    crawlId: { in: earlierIds },
    ...(isCrawlComplete(state) ? {} : { sourceUri: { in: gone } }),
  };
  const documents = await deps.prisma.document.findMany({ where, select: { id: true } });
  if (documents.length === 0) return { removed: 0 };
  const ids = documents.map((document) => document.id);
  // Chunks cascade with the rows.
  const { count } = await deps.prisma.document.deleteMany({ where: { ...where, id: { in: ids } } });
  await removeDocumentUploads({ config: deps.config, logger: deps.logger, organizationId: ref.organizationId }, ids);
  deps.logger.info({ crawlId: ref.crawlId, removed: count }, "removed documents of pages gone since the last crawl");
  await requestVapiFileSync(deps, ref.organizationId);
  return { removed: count };
}

/** Last step: the crawl is completed with its final counts (unless it was cancelled meanwhile). */
export async function finishCrawl(deps: CrawlDeps, ref: CrawlRef, state: CrawlState, removed = 0): Promise<void> {
  await recordProgress(deps, ref, state, { status: "completed", finishedAt: new Date(), pagesRemoved: removed }, { onlyRunning: true });
}

/** True once the crawl is no longer running: cancelled (or gone) while its pages were being fetched. */
async function isCrawlStopped(deps: CrawlDeps, ref: CrawlRef): Promise<boolean> {
  const crawl = await deps.prisma.crawl.findFirst({ where: whereCrawl(ref), select: { status: true } });
  return crawl?.status !== "running";
}

/** The crawl could not run (start failure, or retries ran out). */
export async function failCrawl(deps: CrawlDeps, ref: CrawlRef, reason: string): Promise<void> {
  await deps.prisma.crawl.updateMany({
    where: { ...whereCrawl(ref), status: { in: ["queued", "running"] } },
    data: { status: "failed", error: reason.slice(0, 2000), finishedAt: new Date() },
  });
}

async function recordProgress(
  deps: CrawlDeps,
  ref: CrawlRef,
  state: CrawlState,
  extra: Prisma.CrawlUpdateManyMutationInput = {},
  options: { onlyRunning?: boolean } = {},
) {
  const crawl = await deps.prisma.crawl.findFirst({ where: whereCrawl(ref), select: { settings: true } });
  if (!crawl) return;
  const settings = { ...readCrawlSettings(crawl.settings), failures: state.failures.slice(0, MAX_KEPT_FAILURES) };
  await deps.prisma.crawl.updateMany({
    where: { ...whereCrawl(ref), ...(options.onlyRunning ? { status: "running" as const } : {}) },
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
