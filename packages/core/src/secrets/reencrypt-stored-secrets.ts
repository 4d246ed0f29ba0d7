import type { AppDeps } from "../context";
import { seal, unseal } from "./sealed-secret";

export interface ReencryptSummary {
  integrations: number;
  customActions: number;
  webhookEndpoints: number;
  /** Organizations' own language-model API keys. */
  modelSettings: number;
  /** Bots' voice (Vapi server URL) secrets. */
  voiceSecrets: number;
}

/**
 * Key rotation step 2 (after prepending a new key to INTEGRATIONS_ENCRYPTION_KEYS): rewrites every stored secret
 * not yet encrypted with the current key, in all organizations. Idempotent; afterwards the old key can be dropped.
 */
export async function reencryptStoredSecrets(deps: Pick<AppDeps, "prisma" | "keyring">): Promise<ReencryptSummary> {
  const { prisma, keyring } = deps;
  const current = keyring.currentKeyId;
  const summary: ReencryptSummary = { integrations: 0, customActions: 0, webhookEndpoints: 0, modelSettings: 0, voiceSecrets: 0 };

  for (const row of await prisma.integration.findMany({ where: { keyId: { not: current } }, select: { id: true, encryptedConfig: true } })) {
    const { envelope, keyId } = seal(keyring, unseal(keyring, row.encryptedConfig, row.id), row.id);
    await prisma.integration.update({ where: { id: row.id }, data: { encryptedConfig: envelope, keyId } });
    summary.integrations += 1;
  }
  // Actions without a secret have keyId NULL, which `not` never matches.
  for (const row of await prisma.customAction.findMany({ where: { keyId: { not: current } }, select: { id: true, encryptedSecret: true } })) {
    if (row.encryptedSecret === null) continue;
    const { envelope, keyId } = seal(keyring, unseal(keyring, row.encryptedSecret, row.id), row.id);
    await prisma.customAction.update({ where: { id: row.id }, data: { encryptedSecret: envelope, keyId } });
    summary.customActions += 1;
  }
  for (const row of await prisma.webhookEndpoint.findMany({ where: { keyId: { not: current } }, select: { id: true, encryptedSecret: true } })) {
    const { envelope, keyId } = seal(keyring, unseal(keyring, row.encryptedSecret, row.id), row.id);
    await prisma.webhookEndpoint.update({ where: { id: row.id }, data: { encryptedSecret: envelope, keyId } });
    summary.webhookEndpoints += 1;
  }
  // Settings without a key have keyId NULL, which `not` never matches; the organization id is the associated data.
  const models = await prisma.organizationModelSetting.findMany({ where: { keyId: { not: current } }, select: { organizationId: true, encryptedKey: true } });
  for (const row of models) {
    if (row.encryptedKey === null) continue;
    const { envelope, keyId } = seal(keyring, unseal(keyring, row.encryptedKey, row.organizationId), row.organizationId);
    await prisma.organizationModelSetting.update({ where: { organizationId: row.organizationId }, data: { encryptedKey: envelope, keyId } });
    summary.modelSettings += 1;
  }
  // Bots without a voice secret have keyId NULL, which `not` never matches; the bot id is the associated data.
  for (const row of await prisma.bot.findMany({ where: { voiceSecretKeyId: { not: current } }, select: { id: true, voiceSecret: true } })) {
    if (row.voiceSecret === null) continue;
    const { envelope, keyId } = seal(keyring, unseal(keyring, row.voiceSecret, row.id), row.id);
    await prisma.bot.update({ where: { id: row.id }, data: { voiceSecret: envelope, voiceSecretKeyId: keyId } });
    summary.voiceSecrets += 1;
  }
  return summary;
}
