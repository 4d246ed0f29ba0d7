import type { KnowledgeBase } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { loadDocumentTotals } from "./document-totals";
import type { KnowledgeBaseView } from "./schemas";
import { toKnowledgeBaseView, withDocumentCount } from "./views";

/** Loads a row of the caller's organization; another organization's id is indistinguishable from a missing one. */
export async function getKnowledgeBaseOrThrow(ctx: ServiceContext, id: string): Promise<KnowledgeBase> {
  const kb = await ctx.prisma.knowledgeBase.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!kb) throw notFound("Knowledge base");
  return kb;
}

export async function getKnowledgeBase(ctx: ServiceContext, id: string): Promise<KnowledgeBaseView> {
  const kb = await ctx.prisma.knowledgeBase.findFirst({
    where: { id, organizationId: ctx.organizationId },
    include: withDocumentCount,
  });
  if (!kb) throw notFound("Knowledge base");
  const totals = await loadDocumentTotals(ctx, [kb.id]);
  return toKnowledgeBaseView(kb, totals.get(kb.id));
}
