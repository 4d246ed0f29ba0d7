import type { DocumentRef, IngestionDeps } from "./types";

const MAX_ERROR_LENGTH = 1000;

/**
 * Records why a document could not be ingested.
 * - A document that is `ready` (a new version of it failed) keeps its chunks and stays `ready`: searches keep
 *   finding the previous version, `error` says why the new one failed (the view's `servingPreviousVersion`).
 * - Any other document becomes `failed`; chunks a half-finished first run may have stored are removed with it.
 * With `onlyIfPending`, a document that is not being worked on is left alone: late failure handlers must not
 * undo a newer run that already finished (or a reason already recorded).
 */
export async function markIngestionFailed(
  deps: Pick<IngestionDeps, "prisma">,
  ref: DocumentRef,
  reason: string,
  options: { onlyIfPending?: boolean } = {},
): Promise<boolean> {
  const error = reason.trim().slice(0, MAX_ERROR_LENGTH) || "ingestion failed";
  const scope = { id: ref.documentId, organizationId: ref.organizationId };
  return deps.prisma.$transaction(async (tx) => {
    const servingPrevious = await tx.document.updateMany({
      // A ready document is only pending while a new version is being ingested (stage set).
      where: { ...scope, status: "ready", chunkCount: { gt: 0 }, ...(options.onlyIfPending ? { stage: { not: null } } : {}) },
      data: { stage: null, error },
    });
    if (servingPrevious.count > 0) return true;
    const { count } = await tx.document.updateMany({
      where: {
        ...scope,
        // Pending: queued/processing (or, oddly, ready without chunks while a version was being ingested).
        ...(options.onlyIfPending ? { OR: [{ status: { in: ["queued", "processing"] } }, { stage: { not: null } }] } : {}),
      },
      data: { status: "failed", stage: null, error, chunkCount: 0, tokenCount: 0 },
    });
    if (count > 0) await tx.chunk.deleteMany({ where: { documentId: ref.documentId, organizationId: ref.organizationId } });
    return count > 0;
  });
}
