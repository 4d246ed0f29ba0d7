import type { AppDeps } from "../context";
import type { EventBus } from "../events";
import { emitDomainEvent } from "./emit-domain-event";

/**
 * After an ingestion run: document.ready or document.failed (with the recorded error and
 * `servingPreviousVersion`: true when a new version failed and the previous one still answers) by what the
 * document row now says, so a late failure handler never announces a document a newer run already finished.
 * A no-op for processes without an event bus (benches, ingestion-only tests).
 */
export async function emitDocumentOutcome(
  deps: Pick<AppDeps, "prisma" | "logger"> & { events?: EventBus },
  ref: { organizationId: string; knowledgeBaseId: string; documentId: string },
): Promise<void> {
  if (!deps.events) return;
  const document = await deps.prisma.document.findFirst({
    where: { id: ref.documentId, organizationId: ref.organizationId },
    select: { id: true, knowledgeBaseId: true, title: true, status: true, error: true, chunkCount: true },
  });
  if (!document || (document.status !== "ready" && document.status !== "failed")) return;
  const ctx = { prisma: deps.prisma, logger: deps.logger, events: deps.events, organizationId: ref.organizationId };
  const base = { documentId: document.id, knowledgeBaseId: document.knowledgeBaseId, title: document.title };
  if (document.status === "ready" && document.error === null) {
    await emitDomainEvent(ctx, "document.ready", { ...base, chunkCount: document.chunkCount });
  } else {
    // A ready document with an error: its new version failed and the previous one still answers.
    const servingPreviousVersion = document.status === "ready";
    await emitDomainEvent(ctx, "document.failed", { ...base, error: document.error, servingPreviousVersion });
  }
}
