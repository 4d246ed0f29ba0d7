import type { KnowledgeBase } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { embeddingCatalog } from "../embedding-catalog";

type ReembedFields = Partial<Pick<KnowledgeBase, "nextEmbeddingModel" | "nextEmbeddingDimensions" | "reembedProgress" | "reembedError">>;

/**
 * Starts moving a knowledge base to another embedding model: records the target in nextEmbedding*, forgets
 * partial vectors of an earlier target and sends `knowledge/knowledge-base.reembed-requested`. Searches keep
 * using the current model until the worker swaps the new vectors in. Naming the current model cancels a
 * pending change. Returns the fields to write on the knowledge base row (none when nothing changes).
 */
export async function requestReembedding(
  ctx: ServiceContext,
  kb: KnowledgeBase,
  model: string,
): Promise<{ data: ReembedFields; event?: { model: string } }> {
  const catalog = embeddingCatalog(ctx.rag);
  const id = catalog.resolve(model);
  if (!id) {
    throw new AppError("validation_failed", `Invalid input: embeddingModel: "${model}" cannot be built by this deployment`, {
      fields: [{ field: "embeddingModel", message: `unknown or unconfigured embedding model "${model}"` }],
    });
  }
  if (id === kb.embeddingModel) {
    return kb.nextEmbeddingModel === null
      ? { data: {} }
      : { data: { nextEmbeddingModel: null, nextEmbeddingDimensions: null, reembedProgress: 0, reembedError: null } };
  }
  if (id === kb.nextEmbeddingModel && kb.reembedError === null) return { data: {} };
  let dimensions: number;
  try {
    dimensions = (await catalog.load(id)).dimensions;
  } catch (error) {
    throw new AppError("validation_failed", `Invalid input: embeddingModel: ${id} could not be loaded`, {
      fields: [{ field: "embeddingModel", message: `could not load ${id}: ${error instanceof Error ? error.message : String(error)}` }],
      cause: error,
    });
  }
  await ctx.prisma.chunk.updateMany({
    where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId, NOT: { nextEmbeddingModel: id } },
    data: { nextEmbeddingModel: null },
  });
  await ctx.prisma.$executeRaw`UPDATE chunk SET "nextEmbedding" = NULL, "nextSentenceVectors" = NULL
    WHERE "knowledgeBaseId" = ${kb.id} AND "organizationId" = ${ctx.organizationId} AND "nextEmbeddingModel" IS NULL`;
  return {
    data: { nextEmbeddingModel: id, nextEmbeddingDimensions: dimensions, reembedProgress: 0, reembedError: null },
    event: { model: id },
  };
}
