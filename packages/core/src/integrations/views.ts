import type { Integration, Prisma } from "@frontdesk/db";
import { redactConfig, type IntegrationDefinition } from "@frontdesk/integrations";
import { maskSecret } from "../secrets";
import type { IntegrationView } from "./schemas";

interface PublicConfig {
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** What Integration.publicConfig holds: written on every save so reads never decrypt. */
export function toPublicConfig(definition: IntegrationDefinition, config: Record<string, unknown>): Prisma.InputJsonObject {
  const { config: visible, secretsSet } = redactConfig(definition, config);
  const secrets = Object.fromEntries(secretsSet.map((key) => [key, maskSecret(config[key])]));
  return { config: visible, secrets } as Prisma.InputJsonObject;
}

function readPublicConfig(value: unknown): PublicConfig {
  const record = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const config = record.config && typeof record.config === "object" ? (record.config as Record<string, unknown>) : {};
  const secrets = record.secrets && typeof record.secrets === "object" ? (record.secrets as Record<string, string>) : {};
  return { config, secrets };
}

export function toIntegrationView(row: Integration, canSync: boolean): IntegrationView {
  const { config, secrets } = readPublicConfig(row.publicConfig);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    enabled: row.enabled,
    status: row.status,
    statusReason: row.statusReason,
    config,
    secrets,
    canSync,
    lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
