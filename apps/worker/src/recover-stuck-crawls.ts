import { findStuckCrawls, type CrawlDeps } from "@frontdesk/core";
import type { WorkerEventBus } from "./event-bus";

/**
 * Like recoverStuckDocuments, for crawls: the in-process queue and the crawl's step state live in memory, so a
 * crawl still queued or running when the last process stopped is requested again at start. It restarts from its
 * start URL (pages it stored already count as unchanged the second time); its counts start over. Inngest keeps
 * its own durable runs, so nothing is re-sent in that mode.
 */
export async function recoverStuckCrawls(deps: Pick<CrawlDeps, "prisma" | "logger"> & { events: WorkerEventBus }): Promise<number> {
  if (deps.events.mode !== "in-process") return 0;
  const stuck = await findStuckCrawls(deps);
  if (stuck.length === 0) return 0;
  await deps.events.send(stuck.map((data) => ({ name: "knowledge/crawl.requested" as const, data })));
  deps.logger.info({ count: stuck.length }, "restarted crawls left unfinished by the previous run");
  return stuck.length;
}
