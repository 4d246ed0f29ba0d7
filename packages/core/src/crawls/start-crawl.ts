import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { getKnowledgeBaseOrThrow } from "../knowledge/get-knowledge-base";
import { parseInput } from "../parse-input";
import { startCrawlInput, type CrawlView, type StartCrawlInput } from "./schemas";
import { toCrawlView } from "./views";

/**
 * Records a crawl of a website into a knowledge base and queues it (`knowledge/crawl.requested`). The crawl
 * itself (robots.txt, sitemaps, fetching, storing one document per page) runs in the worker; its progress and
 * outcome are read back with getCrawl.
 */
export async function startCrawl(ctx: ServiceContext, knowledgeBaseId: string, input: StartCrawlInput): Promise<CrawlView> {
  const data = parseInput(startCrawlInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const crawl = await ctx.prisma.crawl.create({
    data: {
      organizationId: ctx.organizationId,
      knowledgeBaseId: kb.id,
      startUrl: data.url,
      mode: data.mode,
      maxDepth: data.maxDepth,
      maxPages: data.maxPages,
      sameOrigin: data.sameOrigin,
      settings: { include: data.include, exclude: data.exclude, failures: [] },
    },
  });
  try {
    await ctx.events.send({
      name: "knowledge/crawl.requested",
      data: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, crawlId: crawl.id },
    });
  } catch (error) {
    await ctx.prisma.crawl.update({
      where: { id: crawl.id },
      data: { status: "failed", error: "could not queue the crawl; start it again", finishedAt: new Date() },
    });
    throw new AppError("unavailable", "Could not queue the crawl", { cause: error });
  }
  return toCrawlView(crawl);
}
