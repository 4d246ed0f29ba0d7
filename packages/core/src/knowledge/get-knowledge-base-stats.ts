import type { ServiceContext } from "../context";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import type { KnowledgeBaseStats } from "./schemas";

export async function getKnowledgeBaseStats(ctx: ServiceContext, id: string): Promise<KnowledgeBaseStats> {
  const kb = await getKnowledgeBaseOrThrow(ctx, id);
  const where = { knowledgeBaseId: kb.id, organizationId: ctx.organizationId };
  const [byStatus, chunks] = await Promise.all([
    ctx.prisma.document.groupBy({ by: ["status"], where, _count: { _all: true } }),
    ctx.prisma.chunk.aggregate({ where, _count: { _all: true }, _sum: { tokenCount: true } }),
  ]);
  const documents = { total: 0, queued: 0, processing: 0, ready: 0, failed: 0 };
  for (const row of byStatus) {
    documents[row.status] = row._count._all;
    documents.total += row._count._all;
  }
  return { knowledgeBaseId: kb.id, documents, chunks: chunks._count._all, tokens: chunks._sum.tokenCount ?? 0 };
}
