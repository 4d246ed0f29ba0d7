import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { queueIngestion } from "./queue-ingestion";
import type { DocumentView } from "./schemas";
import { toDocumentView } from "./views";

/** A queued or processing document whose row has not moved for this long is considered stuck. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;

/**
 * Queues a failed (or stuck) document for ingestion again, or the failed new version of a document that kept
 * serving its previous one (`ready` with an `error`; it stays ready, the old chunks answer meanwhile). A ready
 * document without an error, or one still being worked on, is a 409: retrying would only race the run in
 * progress. The next run increments `attempts`.
 */
export async function retryDocument(ctx: ServiceContext, documentId: string, now = new Date()): Promise<DocumentView> {
  const doc = await ctx.prisma.document.findFirst({ where: { id: documentId, organizationId: ctx.organizationId } });
  if (!doc) throw notFound("Document");
  const busy = doc.status === "queued" || doc.status === "processing" || doc.stage !== null;
  const stuck = busy && now.getTime() - doc.updatedAt.getTime() > STUCK_AFTER_MS;
  if (doc.status === "ready" && doc.stage === null && doc.error === null) {
    throw new AppError("conflict", "Document is ready; there is nothing to retry", {
      fields: [{ field: "status", message: "is ready" }],
    });
  }
  if (busy && !stuck) {
    throw new AppError("conflict", `Document is already ${doc.status === "ready" ? "being re-ingested" : doc.status}`, {
      fields: [{ field: "status", message: `is ${doc.status}${doc.stage ? ` (${doc.stage})` : ""}` }],
    });
  }
  // Guarded by updatedAt so two retries at once queue one run.
  const { count } = await ctx.prisma.document.updateMany({
    where: { id: doc.id, organizationId: ctx.organizationId, updatedAt: doc.updatedAt },
    // A document being re-ingested keeps serving its old chunks, so it stays ready while queued again.
    data: { status: doc.status === "ready" ? "ready" : "queued", stage: "queued", progress: 0, error: null },
  });
  if (count === 0) throw new AppError("conflict", "Document changed meanwhile; it is already being retried");
  const queued = await ctx.prisma.document.findFirstOrThrow({ where: { id: doc.id } });
  // FAQs go through the single-document function too: it reads them from metadata like any other source.
  await queueIngestion(ctx, { single: [queued] });
  return toDocumentView(queued);
}
