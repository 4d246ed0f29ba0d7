import { IntegrationError } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { unseal } from "../secrets";
import { getIntegrationOrThrow, viewIntegration } from "./get-integration";
import { loadDefinitionOrThrow, parseProviderConfig } from "./load-definition";
import { integrationProviderContext } from "./provider-context";
import type { SyncView } from "./schemas";

/** "Sync now": runs the provider's sync inline; a refusal is recorded as status error with the reason. */
export async function syncIntegration(ctx: ServiceContext, id: string): Promise<SyncView> {
  const row = await getIntegrationOrThrow(ctx, id);
  const definition = await loadDefinitionOrThrow(row.type);
  if (!definition.sync) throw new AppError("conflict", `${definition.name} has nothing to sync`);
  const config = parseProviderConfig(definition, () => definition.configSchema.parse(unseal(ctx.keyring, row.encryptedConfig, row.id)));
  try {
    await definition.sync(config, integrationProviderContext(ctx.config, row.type));
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    const failed = await ctx.prisma.integration.update({
      where: { id: row.id },
      data: { status: "error", statusReason: error.message.slice(0, 1000) },
    });
    return { ok: false, error: error.message, ...(error.status ? { providerStatus: error.status } : {}), integration: await viewIntegration(failed) };
  }
  const synced = await ctx.prisma.integration.update({
    where: { id: row.id },
    data: { status: "connected", statusReason: null, lastSyncedAt: new Date() },
  });
  return { ok: true, integration: await viewIntegration(synced) };
}
