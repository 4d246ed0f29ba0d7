import type { IntegrationContext } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { unseal } from "../secrets";
import { getIntegrationOrThrow } from "./get-integration";
import { loadDefinitionOrThrow, parseProviderConfig } from "./load-definition";
import { integrationProviderContext } from "./provider-context";

/** A stored integration with its decrypted settings. Server-side only: never return it from an API. */
export interface LoadedIntegration {
  id: string;
  /** Registry id, e.g. "hubspot": pass as `integrationId` to runAction/buildIntegrationTools. */
  type: string;
  name: string;
  enabled: boolean;
  /** Decrypted settings, parsed with the provider's configSchema (defaults applied). */
  config: Record<string, unknown>;
  /** baseUrl override and private-network opt-in for provider calls; add your own `signal`. */
  providerContext: IntegrationContext;
}

/** For server-side callers (bot tool calling): the decrypted config of one integration of ctx's organization. */
export async function loadIntegrationConfig(ctx: ServiceContext, integrationId: string): Promise<LoadedIntegration> {
  const row = await getIntegrationOrThrow(ctx, integrationId);
  const definition = await loadDefinitionOrThrow(row.type);
  const config = parseProviderConfig(definition, () => definition.configSchema.parse(unseal(ctx.keyring, row.encryptedConfig, row.id)));
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    enabled: row.enabled,
    config,
    // No signal here: a timeout would start now, not when the caller makes its call.
    providerContext: integrationProviderContext(ctx.config, row.type, { withTimeout: false }),
  };
}
