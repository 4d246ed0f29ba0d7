import type { ServiceContext } from "../context";
import { requestVapiFileSync } from "../voice/sync-vapi-files";
import { getDocumentOrThrow } from "./get-document";
import { removeDocumentUploads } from "./uploads";

/** Chunks cascade with the row; the uploaded bytes are removed after the delete commits. */
export async function deleteDocument(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  documentId: string,
): Promise<{ id: string; deleted: true }> {
  const doc = await getDocumentOrThrow(ctx, knowledgeBaseId, documentId);
  await removeDocument(ctx, doc.id);
  return { id: doc.id, deleted: true };
}

const ATTEMPTS = 3;

/**
 * Deletes a document row (chunks cascade) and its uploaded bytes. An ingestion replacing the same document's
 * chunks at that moment locks them in the other order, so PostgreSQL may abort the delete as a deadlock
 * (Prisma P2034, "please retry your transaction"); it is retried, and the ingestion then finds its document gone.
 */
export async function removeDocument(ctx: ServiceContext, documentId: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ctx.prisma.document.delete({ where: { id: documentId } });
      break;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isWriteConflict(error)) throw error;
    }
  }
  await removeDocumentUploads(ctx, [documentId]);
  await requestVapiFileSync(ctx, ctx.organizationId);
}

const isWriteConflict = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2034";
