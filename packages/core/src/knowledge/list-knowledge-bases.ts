import type { ServiceContext } from "../context";
import type { KnowledgeBaseView } from "./schemas";
import { toKnowledgeBaseView, withDocumentCount } from "./views";

export async function listKnowledgeBases(ctx: ServiceContext): Promise<KnowledgeBaseView[]> {
  const rows = await ctx.prisma.knowledgeBase.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
    include: withDocumentCount,
  });
  return rows.map(toKnowledgeBaseView);
}
