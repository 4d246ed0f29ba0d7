import type { ServiceContext } from "../context";
import { deleteUploads, saveUpload } from "../storage";

/** Saves raw bytes and returns the storage path relative to the data dir (stored on the Document). */
export async function storeDocumentUpload(
  ctx: Pick<ServiceContext, "config" | "organizationId">,
  documentId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<string> {
  return saveUpload(ctx.config, { organizationId: ctx.organizationId, documentId, fileName, bytes });
}

export async function removeDocumentUploads(
  ctx: Pick<ServiceContext, "config" | "organizationId" | "logger">,
  documentIds: string[],
): Promise<void> {
  for (const documentId of documentIds) {
    try {
      await deleteUploads(ctx.config, ctx.organizationId, documentId);
    } catch (error) {
      // The rows are gone already; a leftover file is only wasted disk, so it must not fail the request.
      ctx.logger.warn({ err: error, documentId }, "could not remove uploaded files");
    }
  }
}
