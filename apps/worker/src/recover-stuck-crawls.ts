import { failStuckCrawlsOutOfAttempts, findStuckCrawls, type CrawlDeps } from "@frontdesk/core";
import type { WorkerEventBus } from "./event-bus";

/**
 * Like recoverStuckDocuments, for crawls: the in-process queue and the crawl's step state live in memory, so a
 * crawl still queued or running when the last process stopped is requested again at start. It restarts from its
 * start URL (pages it stored already count as unchanged the second time); its counts start over. A crawl that
 * already had INGEST_MAX_ATTEMPTS runs is failed for good instead. Inngest keeps its own durable runs, so
 * nothing is re-sent in that mode.
 */
export async function recoverStuckCrawls(deps: Pick<CrawlDeps, "prisma" | "logger" | "config"> & { events: WorkerEventBus }): Promise<number> {
  if (deps.events.mode !== "in-process") return 0;
  const limit = { maxAttempts: deps.config.INGEST_MAX_ATTEMPTS };
  const exhausted = await failStuckCrawlsOutOfAttempts(deps, limit);
  if (exhausted.length > 0) {
    deps.logger.warn({ crawlIds: exhausted.map((ref) => ref.crawlId), maxAttempts: limit.maxAttempts }, "failed crawls left unfinished too many times");
  }
  const stuck = await findStuckCrawls(deps, limit);
  if (stuck.length === 0) return 0;
  await deps.events.send(stuck.map((data) => ({ name: "knowledge/crawl.requested" as const, data })));
  deps.logger.info({ count: stuck.length }, "restarted crawls left unfinished by the previous run");
  return stuck.length;
}
