import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { requestReembedding } from "./reembedding/request-reembedding";
import { mergeRetrievalSettings } from "./retrieval-settings";
import { updateKnowledgeBaseInput, type KnowledgeBaseView, type UpdateKnowledgeBaseInput } from "./schemas";
import { loadDocumentTotals } from "./document-totals";
import { toKnowledgeBaseView, withDocumentCount } from "./views";

/**
 * Chunking changes apply to documents ingested afterwards; existing chunks are kept as they are. Retrieval
 * settings are merged into the stored ones and apply to the next search. A different embeddingModel starts a
 * background re-embedding (see reembedding/); searches use the current vectors until it completes.
 */
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
  const retrievalSettings =
    data.retrievalSettings !== undefined ? mergeRetrievalSettings(current.retrievalSettings, data.retrievalSettings) : undefined;
  const reembed = data.embeddingModel !== undefined ? await requestReembedding(ctx, current, data.embeddingModel) : undefined;
  const kb = await ctx.prisma.knowledgeBase.update({
    where: { id: current.id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      chunkSize,
      chunkOverlap,
      ...(retrievalSettings ? { retrievalSettings } : {}),
      ...reembed?.data,
    },
    include: withDocumentCount,
  });
  if (reembed?.event) {
    await ctx.events.send({
      name: "knowledge/knowledge-base.reembed-requested",
      data: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, model: reembed.event.model },
    });
  }
  const totals = await loadDocumentTotals(ctx, [kb.id]);
  return toKnowledgeBaseView(kb, totals.get(kb.id));
}
