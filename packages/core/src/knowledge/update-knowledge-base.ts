import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { updateKnowledgeBaseInput, type KnowledgeBaseView, type UpdateKnowledgeBaseInput } from "./schemas";
import { toKnowledgeBaseView, withDocumentCount } from "./views";

/** Chunking changes apply to documents ingested afterwards; existing chunks are kept as they are. */
export async function updateKnowledgeBase(
  ctx: ServiceContext,
  id: string,
  input: UpdateKnowledgeBaseInput,
): Promise<KnowledgeBaseView> {
  const data = parseInput(updateKnowledgeBaseInput, input);
  const current = await getKnowledgeBaseOrThrow(ctx, id);
  const chunkSize = data.chunkSize ?? current.chunkSize;
  const chunkOverlap = data.chunkOverlap ?? current.chunkOverlap;
  if (chunkOverlap >= chunkSize) {
    throw new AppError("validation_failed", "chunkOverlap must be smaller than chunkSize", {
      fields: [{ field: "chunkOverlap", message: `must be smaller than chunkSize (${chunkSize})` }],
    });
  }
  const kb = await ctx.prisma.knowledgeBase.update({
    where: { id: current.id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      chunkSize,
      chunkOverlap,
    },
    include: withDocumentCount,
  });
  return toKnowledgeBaseView(kb);
}
