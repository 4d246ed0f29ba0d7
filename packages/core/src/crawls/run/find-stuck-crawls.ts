import type { CrawlDeps, CrawlRef } from "./types";

const unfinished = { status: { in: ["queued" as const, "running" as const] } };

/**
 * Crawls that never finished (queued or running when the process that owned them stopped) and have had fewer
 * than `maxAttempts` runs: the ones worth starting again. Oldest first.
 */
export async function findStuckCrawls(deps: Pick<CrawlDeps, "prisma">, options: { maxAttempts: number }): Promise<CrawlRef[]> {
  const rows = await deps.prisma.crawl.findMany({
    where: { ...unfinished, attempts: { lt: options.maxAttempts } },
    select: { id: true, organizationId: true, knowledgeBaseId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ organizationId: row.organizationId, knowledgeBaseId: row.knowledgeBaseId, crawlId: row.id }));
}

/**
 * Unfinished crawls that already had `maxAttempts` runs are failed for good instead of restarted, so a site that
 * brings the process down does not do so on every start. Returns the crawls failed.
 */
export async function failStuckCrawlsOutOfAttempts(deps: Pick<CrawlDeps, "prisma">, options: { maxAttempts: number }): Promise<CrawlRef[]> {
  const rows = await deps.prisma.crawl.findMany({
    where: { ...unfinished, attempts: { gte: options.maxAttempts } },
    select: { id: true, organizationId: true, knowledgeBaseId: true, attempts: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const failed: CrawlRef[] = [];
  for (const row of rows) {
    const { count } = await deps.prisma.crawl.updateMany({
      where: { id: row.id, ...unfinished },
      data: {
        status: "failed",
        finishedAt: new Date(),
        error:
          `the crawl stopped unfinished ${row.attempts} times (the server went down while it ran); ` +
          "it is not restarted automatically any more: start it again by hand",
      },
    });
    if (count > 0) failed.push({ organizationId: row.organizationId, knowledgeBaseId: row.knowledgeBaseId, crawlId: row.id });
  }
  return failed;
}
