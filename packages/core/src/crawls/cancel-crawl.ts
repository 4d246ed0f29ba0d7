import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import type { CrawlView } from "./schemas";
import { toCrawlView } from "./views";

/**
 * Cancels a queued or running crawl: it is marked `cancelled` at once and the worker stops before its next page
 * (pages already stored stay; nothing is removed as gone). Cancelling a cancelled crawl changes nothing; a
 * completed or failed one is a conflict.
 */
export async function cancelCrawl(ctx: ServiceContext, crawlId: string): Promise<CrawlView> {
  const where = { id: crawlId, organizationId: ctx.organizationId };
  const crawl = await ctx.prisma.crawl.findFirst({ where });
  if (!crawl) throw notFound("Crawl");
  if (crawl.status === "cancelled") return toCrawlView(crawl);
  const { count } = await ctx.prisma.crawl.updateMany({
    where: { ...where, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  const current = await ctx.prisma.crawl.findFirstOrThrow({ where });
  if (count === 0 && current.status !== "cancelled") {
    throw new AppError("conflict", `The crawl is ${current.status}; only queued or running crawls can be cancelled`);
  }
  return toCrawlView(current);
}
