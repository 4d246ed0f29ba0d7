import type { ServiceContext } from "../context";

export interface DocumentTotals {
  /** Sum of the stored sources' sizes (bytes as uploaded or fetched). */
  totalBytes: number;
  chunkCount: number;
}

export const NO_DOCUMENTS: DocumentTotals = { totalBytes: 0, chunkCount: 0 };

/** Size and chunk totals per knowledge base, in one grouped query, for lists and detail views. */
export async function loadDocumentTotals(ctx: ServiceContext, knowledgeBaseIds: string[]): Promise<Map<string, DocumentTotals>> {
  if (knowledgeBaseIds.length === 0) return new Map();
  const groups = await ctx.prisma.document.groupBy({
    by: ["knowledgeBaseId"],
    where: { organizationId: ctx.organizationId, knowledgeBaseId: { in: knowledgeBaseIds } },
    _sum: { sizeBytes: true, chunkCount: true },
  });
  return new Map(
    groups.map((group) => [group.knowledgeBaseId, { totalBytes: group._sum.sizeBytes ?? 0, chunkCount: group._sum.chunkCount ?? 0 }]),
  );
}
