import type { IntegrationContext } from "@frontdesk/integrations";
import type { z } from "zod";
import type { ServiceContext } from "../context";
import { unseal } from "../secrets";
import { integrationProviderContext } from "./provider-context";

export interface EnabledIntegration<Config> {
  integrationId: string;
  config: Config;
  providerContext: IntegrationContext;
}

type LoadDeps = Pick<ServiceContext, "prisma" | "keyring" | "config" | "organizationId">;

/**
 * The organization's enabled integrations of one type with their decrypted settings (server-side only), oldest
 * first, `preferId` first when given. One whose stored settings no longer parse is skipped, not fatal.
 */
export async function loadEnabledIntegrations<Config>(
  ctx: LoadDeps,
  type: string,
  schema: z.ZodType<Config>,
  preferId?: string,
): Promise<EnabledIntegration<Config>[]> {
  const rows = await ctx.prisma.integration.findMany({ where: { organizationId: ctx.organizationId, type, enabled: true }, orderBy: { createdAt: "asc" } });
  const ordered = preferId ? [...rows.filter((row) => row.id === preferId), ...rows.filter((row) => row.id !== preferId)] : rows;
  return ordered.flatMap((row) => {
    const parsed = schema.safeParse(unseal(ctx.keyring, row.encryptedConfig, row.id));
    if (!parsed.success) return [];
    return [{ integrationId: row.id, config: parsed.data, providerContext: integrationProviderContext(ctx.config, type) }];
  });
}
