import type { ServiceContext } from "../context";
import { requestVapiFileSync } from "../voice/sync-vapi-files";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { removeDocumentUploads } from "./uploads";

/** Empties a knowledge base (documents, chunks, uploads) but keeps its settings and bot links. */
export async function clearKnowledgeBase(
  ctx: ServiceContext,
  id: string,
): Promise<{ id: string; deletedDocuments: number }> {
  const kb = await getKnowledgeBaseOrThrow(ctx, id);
  const documents = await ctx.prisma.document.findMany({
    where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId },
    select: { id: true },
  });
  const ids = documents.map((d) => d.id);
  // Chunks cascade from documents; deleting them first keeps a half-finished ingestion from leaving orphans.
  await ctx.prisma.$transaction([
    ctx.prisma.chunk.deleteMany({ where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId } }),
    ctx.prisma.document.deleteMany({ where: { id: { in: ids }, organizationId: ctx.organizationId } }),
  ]);
  await removeDocumentUploads(ctx, ids);
  await requestVapiFileSync(ctx, ctx.organizationId);
  return { id: kb.id, deletedDocuments: ids.length };
}
