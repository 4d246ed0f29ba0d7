import type { DocumentRef, IngestionDeps } from "./types";

const MAX_ERROR_LENGTH = 1000;

/** Records why a document could not be ingested; its old chunks (if any) are removed with the failure. */
export async function markIngestionFailed(
  deps: Pick<IngestionDeps, "prisma">,
  ref: DocumentRef,
  reason: string,
  options: { onlyIfPending?: boolean } = {},
): Promise<boolean> {
  const error = reason.trim().slice(0, MAX_ERROR_LENGTH) || "ingestion failed";
  return deps.prisma.$transaction(async (tx) => {
    // Late failure handlers must not undo a newer run that already finished (or a reason already recorded).
    const { count } = await tx.document.updateMany({
      where: {
        id: ref.documentId,
        organizationId: ref.organizationId,
        // Pending: queued/processing, or a ready document whose new version was being ingested.
        ...(options.onlyIfPending ? { OR: [{ status: { in: ["queued", "processing"] } }, { stage: { not: null } }] } : {}),
      },
      data: { status: "failed", stage: null, error, chunkCount: 0, tokenCount: 0 },
    });
    if (count > 0) await tx.chunk.deleteMany({ where: { documentId: ref.documentId, organizationId: ref.organizationId } });
    return count > 0;
  });
}
