import { findStuckDocuments, type IngestionDeps } from "@frontdesk/core";
import type { WorkerEventBus } from "./event-bus";

/**
 * The in-process queue lives in memory: documents still queued or processing when the last process stopped
 * are queued again at start. Inngest keeps its own durable queue, so nothing is re-sent in that mode.
 */
export async function recoverStuckDocuments(
  deps: Pick<IngestionDeps, "prisma" | "logger"> & { events: WorkerEventBus },
): Promise<number> {
  if (deps.events.mode !== "in-process") return 0;
  const stuck = await findStuckDocuments(deps);
  if (stuck.length === 0) return 0;
  await deps.events.send(stuck.map((data) => ({ name: "knowledge/document.added" as const, data })));
  deps.logger.info({ count: stuck.length }, "re-queued documents left unfinished by the previous run");
  return stuck.length;
}
