import type { EmbeddingsProvider } from "@frontdesk/rag";
import type { ServiceContext } from "../../context";
import { embeddingCatalog } from "../../knowledge/embedding-catalog";

/**
 * The model a bot's conversations are embedded with: its first knowledge base's model (so conversations, gaps and
 * knowledge share one space), or the deployment's default when the bot has none this deployment can build.
 */
export async function conversationEmbeddings(ctx: ServiceContext, botId: string): Promise<EmbeddingsProvider> {
  const links = await ctx.prisma.botKnowledgeBase.findMany({
    where: { botId, organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, knowledgeBase: { select: { embeddingModel: true } } },
  });
  const model = conversationModel(ctx, links);
  return model ? embeddingCatalog(ctx.rag).load(model) : ctx.rag.embeddings;
}

/** Of a bot's knowledge base links, the model its conversations are embedded with; null: the deployment's default. */
export function conversationModel(ctx: Pick<ServiceContext, "rag">, links: ReadonlyArray<{ createdAt: Date; knowledgeBase: { embeddingModel: string } }>): string | null {
  const catalog = embeddingCatalog(ctx.rag);
  const oldestFirst = [...links].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return oldestFirst.map((link) => catalog.resolve(link.knowledgeBase.embeddingModel)).find((id) => id !== null) ?? null;
}

/** A query in every model the organization's conversation vectors use (usually one), for searching them. */
export async function queryVectorsByModel(ctx: ServiceContext, query: string): Promise<Array<{ model: string; vector: number[] }>> {
  const models = await ctx.prisma.messageEmbedding.groupBy({ by: ["embeddingModel"], where: { organizationId: ctx.organizationId } });
  const catalog = embeddingCatalog(ctx.rag);
  const vectors = await Promise.all(
    models
      .map((row) => row.embeddingModel)
      .filter((model) => catalog.resolve(model) !== null)
      .map(async (model) => ({ model, vector: await (await catalog.load(model)).embeddings.embedQuery(query) })),
  );
  return vectors;
}
