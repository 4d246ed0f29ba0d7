import { emitDocumentOutcome, failStuckDocumentsOutOfAttempts, findStuckDocuments, type IngestionDeps } from "@frontdesk/core";
import type { WorkerEventBus } from "./event-bus";

/**
 * The in-process queue lives in memory: documents still queued or processing when the last process stopped
 * are queued again at start, unless they already had INGEST_MAX_ATTEMPTS runs: those are failed for good (with
 * document.failed webhooks), so a file that takes the process down cannot do it again on every start. Inngest
 * keeps its own durable queue, so nothing is re-sent in that mode.
 */
export async function recoverStuckDocuments(
  deps: Pick<IngestionDeps, "prisma" | "logger" | "config"> & { events: WorkerEventBus },
): Promise<number> {
  if (deps.events.mode !== "in-process") return 0;
  const limit = { maxAttempts: deps.config.INGEST_MAX_ATTEMPTS };
  const exhausted = await failStuckDocumentsOutOfAttempts(deps, limit);
  for (const ref of exhausted) await emitDocumentOutcome(deps, ref);
  if (exhausted.length > 0) {
    deps.logger.warn({ documentIds: exhausted.map((ref) => ref.documentId), maxAttempts: limit.maxAttempts }, "failed documents left unfinished too many times");
  }
  const stuck = await findStuckDocuments(deps, limit);
  if (stuck.length === 0) return 0;
  await deps.events.send(stuck.map((data) => ({ name: "knowledge/document.added" as const, data })));
  deps.logger.info({ count: stuck.length }, "re-queued documents left unfinished by the previous run");
  return stuck.length;
}
