import { toJsonSchema } from "./json-schema";
import type { IntegrationDefinition } from "./types";

/** Top-level config fields marked `writeOnly` in the provider's schema (tokens, passwords, signing secrets). */
export function secretFields(definition: IntegrationDefinition): string[] {
  const properties = toJsonSchema(definition.configSchema).properties;
  if (!properties || typeof properties !== "object") return [];
  return Object.entries(properties as Record<string, { writeOnly?: boolean }>)
    .filter(([, schema]) => schema.writeOnly === true)
    .map(([name]) => name);
}

/** What the admin may see: secrets removed, with the names of those that are set so the form can say "saved". */
export function redactConfig(
  definition: IntegrationDefinition,
  config: Record<string, unknown>,
): { config: Record<string, unknown>; secretsSet: string[] } {
  const secrets = new Set(secretFields(definition));
  const visible = Object.fromEntries(Object.entries(config).filter(([key]) => !secrets.has(key)));
  const secretsSet = Object.keys(config).filter((key) => secrets.has(key) && config[key] !== undefined && config[key] !== "");
  return { config: visible, secretsSet };
}

/**
 * Applies an edit from the admin form: a secret left blank or omitted keeps the stored value, so secrets never
 * round-trip through the browser. The result is validated with the provider's schema (throws ZodError).
 */
export function mergeConfigUpdate(
  definition: IntegrationDefinition,
  stored: Record<string, unknown> | null,
  incoming: Record<string, unknown>,
): unknown {
  const merged: Record<string, unknown> = { ...incoming };
  for (const key of secretFields(definition)) {
    const value = incoming[key];
    if ((value === undefined || value === "") && stored && stored[key] !== undefined) merged[key] = stored[key];
  }
  return definition.configSchema.parse(merged);
}
