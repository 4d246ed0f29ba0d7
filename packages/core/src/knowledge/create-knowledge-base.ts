import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { createKnowledgeBaseInput, type CreateKnowledgeBaseInput, type KnowledgeBaseView } from "./schemas";
import { toKnowledgeBaseView, withDocumentCount } from "./views";

/** New knowledge bases are pinned to the embedding model the server runs now; chunks keep that model. */
export async function createKnowledgeBase(ctx: ServiceContext, input: CreateKnowledgeBaseInput): Promise<KnowledgeBaseView> {
  const data = parseInput(createKnowledgeBaseInput, input);
  const kb = await ctx.prisma.knowledgeBase.create({
    data: {
      organizationId: ctx.organizationId,
      name: data.name,
      description: data.description ?? null,
      chunkSize: data.chunkSize,
      chunkOverlap: data.chunkOverlap,
      embeddingModel: ctx.rag.embeddings.model,
      embeddingDimensions: ctx.rag.embeddings.dimensions,
    },
    include: withDocumentCount,
  });
  return toKnowledgeBaseView(kb);
}
