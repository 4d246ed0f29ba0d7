import type { CrawlDeps, CrawlRef } from "./types";

/** Crawls that never finished: queued or running when the process that owned them stopped. Oldest first. */
export async function findStuckCrawls(deps: Pick<CrawlDeps, "prisma">): Promise<CrawlRef[]> {
  const rows = await deps.prisma.crawl.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { id: true, organizationId: true, knowledgeBaseId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ organizationId: row.organizationId, knowledgeBaseId: row.knowledgeBaseId, crawlId: row.id }));
}
