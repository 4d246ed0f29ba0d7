import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The secret kept in `<dataDir>/<fileName>` (0600), created with `generate()` on first use. Creation uses "wx" so
 * two processes starting at once agree on whichever secret was written first.
 */
export function readOrCreateDataDirSecret(dataDir: string, fileName: string, generate: () => string): string {
  const file = join(dataDir, fileName);
  const existing = readSecretFile(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${generate()}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(file, 0o600);
  const created = readSecretFile(file);
  if (!created) throw new Error(`Could not read the secret at ${file}`);
  return created;
}

function readSecretFile(file: string): string | undefined {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value === "" ? undefined : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
