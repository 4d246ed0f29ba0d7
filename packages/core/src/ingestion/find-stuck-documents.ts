import { markIngestionFailed } from "./mark-ingestion-failed";
import type { DocumentRef, IngestionDeps } from "./types";

const unfinished = { status: { in: ["queued" as const, "processing" as const] } };

/**
 * Documents whose ingestion never finished (queued or processing when the process that owned them stopped) and
 * that have had fewer than `maxAttempts` runs: the ones worth queueing again. Oldest first.
 */
export async function findStuckDocuments(deps: Pick<IngestionDeps, "prisma">, options: { maxAttempts: number }): Promise<DocumentRef[]> {
  const rows = await deps.prisma.document.findMany({
    where: { ...unfinished, attempts: { lt: options.maxAttempts } },
    select: { id: true, organizationId: true, knowledgeBaseId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toRef);
}

/**
 * Unfinished documents that already had `maxAttempts` runs are failed for good instead of queued again: a file
 * that brings the process down (before the extraction sandbox existed, or through a bug) would otherwise do so
 * on every start. Returns the documents failed.
 */
export async function failStuckDocumentsOutOfAttempts(
  deps: Pick<IngestionDeps, "prisma">,
  options: { maxAttempts: number },
): Promise<DocumentRef[]> {
  const rows = await deps.prisma.document.findMany({
    where: { ...unfinished, attempts: { gte: options.maxAttempts } },
    select: { id: true, organizationId: true, knowledgeBaseId: true, attempts: true },
    orderBy: { createdAt: "asc" },
  });
  const failed: DocumentRef[] = [];
  for (const row of rows) {
    const reason =
      `ingestion stopped unfinished ${row.attempts} times (the server went down while it ran); ` +
      "it is not retried automatically any more: retry it by hand";
    if (await markIngestionFailed(deps, toRef(row), reason, { onlyIfPending: true })) failed.push(toRef(row));
  }
  return failed;
}

const toRef = (row: { id: string; organizationId: string; knowledgeBaseId: string }): DocumentRef => ({
  organizationId: row.organizationId,
  knowledgeBaseId: row.knowledgeBaseId,
  documentId: row.id,
});
