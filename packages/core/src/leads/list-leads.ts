import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { toQualifiedLeadView, withLeadChannel } from "./lead-views";
import { listLeadsInput, type LeadPage, type ListLeadsInput } from "./schemas";

/** The organization's leads, newest first, filtered; pass `nextCursor` back as `cursor` for the next page. */
export async function listLeads(ctx: ServiceContext, input: ListLeadsInput = {}): Promise<LeadPage> {
  const filters = parseInput(listLeadsInput, input);
  const rows = await ctx.prisma.lead.findMany({
    where: leadFilter(ctx, filters),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
    include: withLeadChannel,
  });
  const page = rows.slice(0, filters.limit);
  return { data: page.map(toQualifiedLeadView), nextCursor: rows.length > filters.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The WHERE for the list filters (shared with the CSV export), always scoped to the organization. */
export function leadFilter(ctx: ServiceContext, filters: Omit<ReturnType<typeof listLeadsInput.parse>, "limit" | "cursor">): Prisma.LeadWhereInput {
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  return {
    organizationId: ctx.organizationId,
    ...(filters.tier ? { tier: filters.tier } : {}),
    ...(filters.botId ? { botId: filters.botId } : {}),
    ...(filters.channel ? { conversation: { channel: filters.channel } } : {}),
    ...(filters.q ? { OR: [{ name: contains(filters.q) }, { email: contains(filters.q) }, { phone: contains(filters.q) }] } : {}),
  };
}
