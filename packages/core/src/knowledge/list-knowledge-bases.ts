import type { ServiceContext } from "../context";
import { loadDocumentTotals } from "./document-totals";
import type { KnowledgeBaseView } from "./schemas";
import { toKnowledgeBaseView, withDocumentCount } from "./views";

export async function listKnowledgeBases(ctx: ServiceContext): Promise<KnowledgeBaseView[]> {
  const rows = await ctx.prisma.knowledgeBase.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
    include: withDocumentCount,
  });
  const totals = await loadDocumentTotals(ctx, rows.map((row) => row.id));
  return rows.map((row) => toKnowledgeBaseView(row, totals.get(row.id)));
}
