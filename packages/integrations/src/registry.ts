import type { IntegrationDefinition } from "./types";

/**
 * Every integration type Frontdesk knows, keyed by id. Each entry is a lazy import of the provider's folder so
 * adding a provider is one folder plus one line here.
 */
const loaders: Record<string, () => Promise<IntegrationDefinition>> = {};

export function listIntegrationIds(): string[] {
  return Object.keys(loaders).sort();
}

export async function loadIntegration(id: string): Promise<IntegrationDefinition | undefined> {
  const load = loaders[id];
  return load ? load() : undefined;
}
