import type { ServiceContext } from "../context";
import { getKnowledgeBaseOrThrow } from "../knowledge/get-knowledge-base";
import { parseInput } from "../parse-input";
import { listCrawlsInput, type CrawlView, type ListCrawlsInput } from "./schemas";
import { toCrawlView } from "./views";

/** A knowledge base's crawls, newest first. */
export async function listCrawls(ctx: ServiceContext, knowledgeBaseId: string, input: ListCrawlsInput = {}): Promise<CrawlView[]> {
  const { limit } = parseInput(listCrawlsInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const crawls = await ctx.prisma.crawl.findMany({
    where: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return crawls.map(toCrawlView);
}
