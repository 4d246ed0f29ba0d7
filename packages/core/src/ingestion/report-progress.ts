import type { DocumentRef, IngestionDeps } from "./types";

export type IngestionStage = "queued" | "extract" | "split" | "embed" | "store";

/** Progress (0-100) at the start of each stage; embedding batches move it from `embed` towards `store`. */
export const STAGE_PROGRESS: Record<IngestionStage, number> = { queued: 0, extract: 5, split: 15, embed: 20, store: 90 };

/** Progress after `done` of `total` embedding batches. */
export const embedProgress = (done: number, total: number) =>
  Math.round(STAGE_PROGRESS.embed + ((STAGE_PROGRESS.store - STAGE_PROGRESS.embed) * done) / Math.max(1, total));

/**
 * Records where ingestion is, so a poller sees Document.stage and Document.progress move. Best effort: a
 * document deleted meanwhile simply matches nothing.
 */
export async function reportIngestionProgress(
  deps: Pick<IngestionDeps, "prisma">,
  ref: Pick<DocumentRef, "organizationId"> & { documentIds: string[] },
  stage: IngestionStage,
  progress = STAGE_PROGRESS[stage],
): Promise<void> {
  await deps.prisma.document.updateMany({
    where: { id: { in: ref.documentIds }, organizationId: ref.organizationId },
    data: { stage, progress: Math.max(0, Math.min(100, Math.round(progress))) },
  });
}
