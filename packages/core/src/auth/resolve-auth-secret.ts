import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "@frontdesk/config";

/**
 * BETTER_AUTH_SECRET when set; otherwise a secret generated on first start and kept (0600) in the data dir so
 * sessions survive restarts without the operator having to invent one.
 */
export function resolveAuthSecret(config: Pick<AppConfig, "BETTER_AUTH_SECRET" | "FRONTDESK_DATA_DIR">): string {
  if (config.BETTER_AUTH_SECRET) return config.BETTER_AUTH_SECRET;
  const file = join(config.FRONTDESK_DATA_DIR, "auth-secret");
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(config.FRONTDESK_DATA_DIR, { recursive: true });
  try {
    // "wx" so two processes starting at once agree on whichever secret was written first.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(file, 0o600);
  const created = readSecret(file);
  if (!created) throw new Error(`Could not read the auth secret at ${file}`);
  return created;
}

function readSecret(file: string): string | undefined {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value === "" ? undefined : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
