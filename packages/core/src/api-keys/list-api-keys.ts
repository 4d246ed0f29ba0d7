import type { ServiceContext } from "../context";
import { apiKeySummarySelect, type ApiKeySummary } from "./schemas";

/** Newest first, revoked keys included (marked by revokedAt). */
export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeySummary[]> {
  return ctx.prisma.apiKey.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "desc" },
    select: apiKeySummarySelect,
  });
}
