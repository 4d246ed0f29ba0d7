import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { embeddingCatalog } from "./embedding-catalog";
import { searchedKnowledgeBaseFields, type SearchedKnowledgeBase } from "./searched-knowledge-base";

/**
 * Which knowledge bases a search covers: one, a bot's, or all of the organization's, with what searching them needs
 * (read here once, so the search does not read them again). Knowledge bases embedded with a model this deployment
 * cannot build (e.g. its API key was removed) cannot be searched.
 */
export async function resolveSearchScope(
  ctx: ServiceContext,
  scope: { knowledgeBaseId?: string; botId?: string },
): Promise<SearchedKnowledgeBase[]> {
  const catalog = embeddingCatalog(ctx.rag);
  const searchable = (kb: { embeddingModel: string }) => catalog.resolve(kb.embeddingModel) !== null;
  if (scope.knowledgeBaseId) {
    const kb = await ctx.prisma.knowledgeBase.findFirst({
      where: { id: scope.knowledgeBaseId, organizationId: ctx.organizationId },
      select: searchedKnowledgeBaseFields,
    });
    if (!kb) throw notFound("Knowledge base");
    if (!searchable(kb)) {
      throw new AppError(
        "conflict",
        `knowledge base was embedded with ${kb.embeddingModel}, which this server cannot build; configure it or re-embed the knowledge base`,
      );
    }
    return [kb];
  }
  if (scope.botId) {
    const bot = await ctx.prisma.bot.findFirst({
      where: { id: scope.botId, organizationId: ctx.organizationId },
      select: { knowledgeBases: { select: { knowledgeBase: { select: searchedKnowledgeBaseFields } } } },
    });
    if (!bot) throw notFound("Bot");
    return bot.knowledgeBases.map((link) => link.knowledgeBase).filter(searchable);
  }
  const all = await ctx.prisma.knowledgeBase.findMany({
    where: { organizationId: ctx.organizationId },
    select: searchedKnowledgeBaseFields,
  });
  return all.filter(searchable);
}
