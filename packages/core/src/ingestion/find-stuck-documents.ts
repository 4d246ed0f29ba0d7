import type { DocumentRef, IngestionDeps } from "./types";

/** Documents whose ingestion never finished: queued or processing when the process that owned them stopped. */
export async function findStuckDocuments(deps: Pick<IngestionDeps, "prisma">): Promise<DocumentRef[]> {
  const rows = await deps.prisma.document.findMany({
    where: { status: { in: ["queued", "processing"] } },
    select: { id: true, organizationId: true, knowledgeBaseId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ organizationId: row.organizationId, knowledgeBaseId: row.knowledgeBaseId, documentId: row.id }));
}
