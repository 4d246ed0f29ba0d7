import type { ServiceContext } from "../context";
import { apiKeySummarySelect, toApiKeySummary, type ApiKeySummary } from "./schemas";

/** Newest first, revoked keys included (marked by revokedAt). */
export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeySummary[]> {
  const rows = await ctx.prisma.apiKey.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: apiKeySummarySelect,
  });
  return rows.map(toApiKeySummary);
}
