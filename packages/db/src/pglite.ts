import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

/** PGlite with pgvector loaded; `dataDir` undefined means in-memory. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  return db;
}
