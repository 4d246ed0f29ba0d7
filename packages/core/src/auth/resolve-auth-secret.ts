import { randomBytes } from "node:crypto";
import type { AppConfig } from "@frontdesk/config";
import { readOrCreateDataDirSecret } from "../secrets/data-dir-secret";

/**
 * BETTER_AUTH_SECRET when set; otherwise a secret generated on first start and kept (0600) in the data dir so
 * sessions survive restarts without the operator having to invent one.
 */
export function resolveAuthSecret(config: Pick<AppConfig, "BETTER_AUTH_SECRET" | "FRONTDESK_DATA_DIR">): string {
  if (config.BETTER_AUTH_SECRET) return config.BETTER_AUTH_SECRET;
  return readOrCreateDataDirSecret(config.FRONTDESK_DATA_DIR, "auth-secret", () => randomBytes(32).toString("base64url"));
}
