import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "fd_";
const SECRET_LENGTH = 32;
const KEY_PATTERN = /^fd_[A-Za-z0-9_-]{32}$/;

/** `fd_` + 32 url-safe characters (24 random bytes). */
export function generateApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes((SECRET_LENGTH * 3) / 4).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Shown in lists so owners can tell keys apart. */
export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, 10);
}

export function isWellFormedApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
