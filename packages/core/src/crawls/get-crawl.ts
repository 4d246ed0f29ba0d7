import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import type { CrawlView } from "./schemas";
import { toCrawlView } from "./views";

export async function getCrawl(ctx: ServiceContext, crawlId: string): Promise<CrawlView> {
  const crawl = await ctx.prisma.crawl.findFirst({ where: { id: crawlId, organizationId: ctx.organizationId } });
  if (!crawl) throw notFound("Crawl");
  return toCrawlView(crawl);
}
