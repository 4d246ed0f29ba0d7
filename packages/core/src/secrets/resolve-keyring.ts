import { randomBytes } from "node:crypto";
import type { AppConfig } from "@frontdesk/config";
import { parseKeyring, type Keyring } from "@frontdesk/integrations";
import { readOrCreateDataDirSecret } from "./data-dir-secret";

/**
 * The keyring that encrypts stored integration configs, custom action secrets and webhook secrets:
 * INTEGRATIONS_ENCRYPTION_KEYS when set; otherwise a key generated on first start and kept (0600) in the data dir
 * as `integrations-keys`, so `npm start` works on a bare machine. Back the data dir up with the database, or the
 * secrets are lost.
 */
export function resolveIntegrationKeyring(
  config: Pick<AppConfig, "INTEGRATIONS_ENCRYPTION_KEYS" | "FRONTDESK_DATA_DIR">,
): Keyring {
  if (config.INTEGRATIONS_ENCRYPTION_KEYS) return parseKeyring(config.INTEGRATIONS_ENCRYPTION_KEYS);
  return parseKeyring(
    readOrCreateDataDirSecret(config.FRONTDESK_DATA_DIR, "integrations-keys", () => `k1:${randomBytes(32).toString("base64")}`),
  );
}
