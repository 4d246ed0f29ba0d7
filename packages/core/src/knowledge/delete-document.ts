import type { ServiceContext } from "../context";
import { getDocumentOrThrow } from "./get-document";
import { removeDocumentUploads } from "./uploads";

/** Chunks cascade with the row; the uploaded bytes are removed after the delete commits. */
export async function deleteDocument(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  documentId: string,
): Promise<{ id: string; deleted: true }> {
  const doc = await getDocumentOrThrow(ctx, knowledgeBaseId, documentId);
  await ctx.prisma.document.delete({ where: { id: doc.id } });
  await removeDocumentUploads(ctx, [doc.id]);
  return { id: doc.id, deleted: true };
}
