import type { ServiceContext } from "../context";
import { requestVapiFileSync } from "../voice/sync-vapi-files";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { removeDocumentUploads } from "./uploads";

/** Documents, chunks and bot links cascade in the database; uploaded files are removed afterwards. */
export async function deleteKnowledgeBase(ctx: ServiceContext, id: string): Promise<{ id: string; deleted: true }> {
  const kb = await getKnowledgeBaseOrThrow(ctx, id);
  const documents = await ctx.prisma.document.findMany({
    where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId },
    select: { id: true },
  });
  await ctx.prisma.knowledgeBase.delete({ where: { id: kb.id } });
  await removeDocumentUploads(ctx, documents.map((d) => d.id));
  await requestVapiFileSync(ctx, ctx.organizationId);
  return { id: kb.id, deleted: true };
}
