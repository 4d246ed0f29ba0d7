import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";

/**
 * Which knowledge bases a search covers: one, a bot's, or all of the organization's. Knowledge bases embedded
 * with another model than the server runs now cannot be searched with its query vectors.
 */
export async function resolveSearchScope(
  ctx: ServiceContext,
  scope: { knowledgeBaseId?: string; botId?: string },
): Promise<string[]> {
  const { model } = ctx.rag.embeddings;
  if (scope.knowledgeBaseId) {
    const kb = await ctx.prisma.knowledgeBase.findFirst({
      where: { id: scope.knowledgeBaseId, organizationId: ctx.organizationId },
      select: { id: true, embeddingModel: true },
    });
    if (!kb) throw notFound("Knowledge base");
    if (kb.embeddingModel !== model) {
      throw new AppError(
        "conflict",
        `knowledge base was embedded with ${kb.embeddingModel} but the server now uses ${model}; re-ingest it to search`,
      );
    }
    return [kb.id];
  }
  if (scope.botId) {
    const bot = await ctx.prisma.bot.findFirst({
      where: { id: scope.botId, organizationId: ctx.organizationId },
      select: { knowledgeBases: { select: { knowledgeBase: { select: { id: true, embeddingModel: true } } } } },
    });
    if (!bot) throw notFound("Bot");
    return bot.knowledgeBases.map((link) => link.knowledgeBase).filter((kb) => kb.embeddingModel === model).map((kb) => kb.id);
  }
  const all = await ctx.prisma.knowledgeBase.findMany({
    where: { organizationId: ctx.organizationId, embeddingModel: model },
    select: { id: true },
  });
  return all.map((kb) => kb.id);
}
