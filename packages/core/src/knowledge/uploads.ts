import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ServiceContext } from "../context";

// Stand-in for the storage module (packages/core/src/storage, ingestion helper): same on-disk layout,
// `<FRONTDESK_DATA_DIR>/uploads/<org>/<doc>/<name>`, so switching is one import.

const safeName = (name: string) => path.basename(name).replace(/[^\w.\- ]+/g, "_").slice(0, 200) || "upload";

function documentDir(ctx: Pick<ServiceContext, "config" | "organizationId">, documentId: string): string {
  return path.resolve(ctx.config.FRONTDESK_DATA_DIR, "uploads", ctx.organizationId, documentId);
}

/** Saves raw bytes and returns the storage path relative to the data dir (stored on the Document). */
export async function storeDocumentUpload(
  ctx: Pick<ServiceContext, "config" | "organizationId">,
  documentId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<string> {
  const dir = documentDir(ctx, documentId);
  await mkdir(dir, { recursive: true });
  const name = safeName(fileName);
  await writeFile(path.join(dir, name), bytes);
  return path.posix.join("uploads", ctx.organizationId, documentId, name);
}

export async function removeDocumentUploads(
  ctx: Pick<ServiceContext, "config" | "organizationId" | "logger">,
  documentIds: string[],
): Promise<void> {
  for (const documentId of documentIds) {
    try {
      await rm(documentDir(ctx, documentId), { recursive: true, force: true });
    } catch (error) {
      // The rows are gone already; a leftover file is only wasted disk, so it must not fail the request.
      ctx.logger.warn({ err: error, documentId }, "could not remove uploaded files");
    }
  }
}
