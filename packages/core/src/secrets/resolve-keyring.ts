import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "@frontdesk/config";
import { parseKeyring, type Keyring } from "@frontdesk/integrations";

/**
 * The keyring that encrypts stored integration configs, custom action secrets and webhook secrets:
 * INTEGRATIONS_ENCRYPTION_KEYS when set; otherwise a key generated on first start and kept (0600) in the data dir,
 * so `npm start` works on a bare machine. Back the data dir up with the database, or the secrets are lost.
 */
export function resolveIntegrationKeyring(
  config: Pick<AppConfig, "INTEGRATIONS_ENCRYPTION_KEYS" | "FRONTDESK_DATA_DIR">,
): Keyring {
  if (config.INTEGRATIONS_ENCRYPTION_KEYS) return parseKeyring(config.INTEGRATIONS_ENCRYPTION_KEYS);
  const file = join(config.FRONTDESK_DATA_DIR, "integrations-keys");
  const existing = readKeys(file);
  if (existing) return parseKeyring(existing);
  mkdirSync(config.FRONTDESK_DATA_DIR, { recursive: true });
  try {
    // "wx" so two processes starting at once agree on whichever key was written first.
    writeFileSync(file, `k1:${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(file, 0o600);
  const created = readKeys(file);
  if (!created) throw new Error(`Could not read the integration keys at ${file}`);
  return parseKeyring(created);
}

function readKeys(file: string): string | undefined {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value === "" ? undefined : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
