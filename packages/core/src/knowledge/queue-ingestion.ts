import type { Document } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import type { FrontdeskEvent } from "../events";

/** FAQ documents per `knowledge/faqs.added` event: one run embeds and stores them together. */
export const FAQS_PER_EVENT = 100;

type Queued = Pick<Document, "id" | "knowledgeBaseId">;

/**
 * Sends the ingestion events for documents in one EventBus call: FAQ documents grouped per knowledge base
 * (FAQS_PER_EVENT per event), everything else one `knowledge/document.added` each. If the events cannot be
 * sent the documents are marked failed rather than left queued forever (ready ones keep serving, with the
 * error); retrying them re-queues.
 */
export async function queueIngestion(
  ctx: ServiceContext,
  documents: { single?: Queued[]; faqs?: Queued[] },
): Promise<void> {
  const organizationId = ctx.organizationId;
  const events: FrontdeskEvent[] = (documents.single ?? []).map((doc) => ({
    name: "knowledge/document.added",
    data: { organizationId, knowledgeBaseId: doc.knowledgeBaseId, documentId: doc.id },
  }));
  const byKnowledgeBase = new Map<string, Queued[]>();
  for (const doc of documents.faqs ?? []) {
    const group = byKnowledgeBase.get(doc.knowledgeBaseId) ?? [];
    group.push(doc);
    byKnowledgeBase.set(doc.knowledgeBaseId, group);
  }
  for (const [knowledgeBaseId, faqs] of byKnowledgeBase) {
    for (let start = 0; start < faqs.length; start += FAQS_PER_EVENT) {
      const documentIds = faqs.slice(start, start + FAQS_PER_EVENT).map((doc) => doc.id);
      events.push({ name: "knowledge/faqs.added", data: { organizationId, knowledgeBaseId, documentIds } });
    }
  }
  if (events.length === 0) return;
  try {
    await ctx.events.send(events);
  } catch (error) {
    const ids = [...(documents.single ?? []), ...(documents.faqs ?? [])].map((doc) => doc.id);
    const failure = { stage: null, error: "could not queue ingestion; retry the document" };
    // Ready documents (a new version was to be ingested) keep serving their previous chunks.
    await ctx.prisma.document.updateMany({ where: { id: { in: ids }, organizationId, status: "ready" }, data: failure });
    await ctx.prisma.document.updateMany({ where: { id: { in: ids }, organizationId, status: { not: "ready" } }, data: { ...failure, status: "failed" } });
    throw new AppError("unavailable", "Could not queue the document for ingestion", { cause: error });
  }
}
