import { timingSafeEqual, createHash } from "node:crypto";
import { Prisma, type Bot } from "@frontdesk/db";
import type { AppDeps } from "../context";
import { maskSecret, seal, unseal } from "../secrets";

/** Columns of a bot for a new voice secret (sealed with the bot id as associated data), or for none. */
export function voiceSecretColumns(deps: Pick<AppDeps, "keyring">, botId: string, secret: string | null) {
  // Prisma writes SQL NULL into a Json column only as DbNull.
  if (secret === null) return { voiceSecret: Prisma.DbNull, voiceSecretKeyId: null, voiceSecretHint: null };
  const { envelope, keyId } = seal(deps.keyring, secret, botId);
  return { voiceSecret: envelope, voiceSecretKeyId: keyId, voiceSecretHint: maskSecret(secret) };
}

/** The bot's voice secret in clear, or null when none is set. */
export function readVoiceSecret(deps: Pick<AppDeps, "keyring">, bot: Pick<Bot, "id" | "voiceSecret">): string | null {
  if (bot.voiceSecret === null) return null;
  const value = unseal(deps.keyring, bot.voiceSecret, bot.id);
  return typeof value === "string" ? value : null;
}

/** Constant-time comparison (of digests, so lengths do not leak either). */
export function secretsMatch(expected: string, presented: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
