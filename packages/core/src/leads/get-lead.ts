import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { toLeadDetailView, withLeadChannel } from "./lead-views";
import type { LeadDetailView } from "./schemas";

/** One lead with its qualification history (oldest first) and the actions taken on it (newest first). */
export async function getLead(ctx: ServiceContext, id: string): Promise<LeadDetailView> {
  const lead = await ctx.prisma.lead.findFirst({
    where: { id, organizationId: ctx.organizationId },
    include: {
      ...withLeadChannel,
      changes: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      actions: { orderBy: [{ updatedAt: "desc" }, { id: "desc" }] },
    },
  });
  if (!lead) throw notFound("Lead");
  return toLeadDetailView(lead);
}
