import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "./pglite-lock";
import { openPglite } from "./pglite";

export interface EmbeddedPglite {
  pglite: PGlite;
  /** `<dataDir>/pglite` */
  dir: string;
  close(): Promise<void>;
}

/** Opens the persistent PGlite database under `<dataDir>/pglite`, guarded by `<dataDir>/pglite.lock`. */
export async function openEmbeddedPglite(dataDir: string): Promise<EmbeddedPglite> {
  const root = resolve(dataDir);
  const dir = join(root, "pglite");
  mkdirSync(root, { recursive: true });
  const lock = acquirePgliteLock(join(root, "pglite.lock"), dir);
  let pglite: PGlite;
  try {
    pglite = await openPglite({ dataDir: dir });
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    pglite,
    dir,
    async close() {
      try {
        await pglite.close();
      } finally {
        lock.release();
      }
    },
  };
}
