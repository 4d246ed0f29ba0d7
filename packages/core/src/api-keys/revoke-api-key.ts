import { requireRole } from "../authorization/roles";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { apiKeySummarySelect, revokeApiKeyInput, toApiKeySummary, type ApiKeySummary, type RevokeApiKeyInput } from "./schemas";

/** Revoking twice is harmless: the first revocation time is kept. Only an owner revokes an owner key. */
export async function revokeApiKey(ctx: ServiceContext, rawInput: RevokeApiKeyInput): Promise<ApiKeySummary> {
  const { id } = parseInput(revokeApiKeyInput, rawInput);
  const where = { id, organizationId: ctx.organizationId };
  const existing = await ctx.prisma.apiKey.findFirst({ where, select: { role: true } });
  if (!existing) throw notFound("API key");
  requireRole(ctx, "admin", "manage API keys");
  requireRole(ctx, existing.role, `revoke ${existing.role} API keys`);
  await ctx.prisma.apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  const key = await ctx.prisma.apiKey.findFirst({ where, select: apiKeySummarySelect });
  if (!key) throw notFound("API key");
  return toApiKeySummary(key);
}
