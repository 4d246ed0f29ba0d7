// tsx bench/copy-to-pglite.ts <kept postgres url> <new PGlite directory> [--chunks 100000] [--corpus zipf] [--batch 2000]
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { PrismaClient, createDatabase } from "@frontdesk/db";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbeddedPglite } from "../packages/db/src/embedded";
import { keptTenantFile, readKeptTenant, writeKeptTenantRecord } from "./kept-bench-tenant";
import { startBulkLoad } from "./seed-synthetic-chunks";

/**
 * Makes a kept PGlite bench database from a kept PostgreSQL one: every row of every table (the chunks with their
 * vectors, the full-text statistics and the tenant) copied with COPY, then PGlite's own HNSW and GIN indexes built
 * and ANALYZE run, and the kept-tenant record written for the directory. Seeding 100k chunks inside PGlite from
 * Node ran at ~20 chunks/s on the loaded machine (the generation and the WebAssembly database share one thread);
 * this leaves PGlite only the COPY (with its generated tsvector column) and the index builds, and both databases
 * then hold the same chunks, so their timings compare like for like. Reads the source with `psql` (COPY TO STDOUT).
 */
const execFileAsync = promisify(execFile);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chunks: { type: "string", default: "100000" },
    corpus: { type: "string", default: "zipf" },
    batch: { type: "string", default: "2000" },
  },
});
const [source, dataDir] = positionals;
if (!source || !dataDir) throw new Error("usage: tsx bench/copy-to-pglite.ts <kept postgres url> <new PGlite directory> [--chunks 100000]");
const kept = readKeptTenant(keptTenantFile(source, values.corpus!, Number(values.chunks)));
if (!kept) throw new Error(`no kept tenant of ${values.chunks} chunks recorded for ${source}`);

const sql = async (query: string): Promise<string> =>
  (await execFileAsync("psql", [source, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", query], { maxBuffer: 2 ** 30, encoding: "utf8" })).stdout;
const copyOut = async (query: string): Promise<Buffer> =>
  (await execFileAsync("psql", [source, "-X", "-v", "ON_ERROR_STOP=1", "-c", `COPY (${query}) TO STDOUT`], { maxBuffer: 2 ** 31 - 1, encoding: "buffer" })).stdout;
const lines = (text: string) => text.split("\n").filter(Boolean);

const started = performance.now();
// Migrated by this code; the source must have exactly the same migrations, or the columns would not line up.
const migrated = await createDatabase({ dataDir, env: {} });
await migrated.close();
const embedded = await openEmbeddedPglite(dataDir);
const { pglite } = embedded;
const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
const migrations = async (read: () => Promise<string[]>) => (await read()).sort().join(",");
const sourceMigrations = await migrations(async () => lines(await sql(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)));
const targetMigrations = await migrations(async () =>
  (await pglite.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).rows.map((row) => row.name),
);
if (sourceMigrations !== targetMigrations) throw new Error("the source database's migrations differ from this code's: migrate it first (tsx bench/search-latency.ts does)");

const tables = lines(await sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`));
const dimensions = Number(lines(await sql(`SELECT coalesce(max("embeddingDimensions"), 512) FROM chunk`))[0]);
const bulkLoad = await startBulkLoad(prisma, dimensions);
// Foreign keys and triggers off while rows arrive in table order (PGlite has one session, shared with prisma).
await pglite.exec(`SET session_replication_role = replica; TRUNCATE ${tables.map((table) => `"${table}"`).join(", ")} CASCADE;`);
for (const table of tables) {
  const columns = lines(await sql(`SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' AND is_generated = 'NEVER' ORDER BY ordinal_position`)).join(", ");
  // chunk is large: a few documents' chunks at a time, so no blob outgrows PGlite's 2 GB heap.
  const filters = table === "chunk" ? documentBatches(lines(await sql(`SELECT DISTINCT "documentId" FROM chunk ORDER BY 1`)), Number(values.batch) / 200) : ["true"];
  const tableStarted = performance.now();
  let rows = 0;
  for (const filter of filters) {
    const data = await copyOut(`SELECT ${columns} FROM "${table}" WHERE ${filter}`);
    if (data.length === 0) continue;
    const result = await pglite.query(`COPY "${table}" (${columns}) FROM '/dev/blob'`, [], { blob: new Blob([data]) });
    rows += result.affectedRows ?? 0;
  }
  const expected = Number(lines(await sql(`SELECT count(*) FROM "${table}"`))[0]);
  if (rows !== expected) throw new Error(`${table}: copied ${rows} rows of ${expected}`);
  if (rows > 0) console.log(`${table}: ${rows} rows in ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`);
}
await pglite.exec("SET session_replication_role = DEFAULT");
const copySeconds = Math.round((performance.now() - started) / 100) / 10;
// The full-text statistics came with the rows: nothing to count.
const steps = await bulkLoad.finish(kept.knowledgeBaseId, (line) => console.log(line), async () => undefined);
const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
writeKeptTenantRecord(keptTenantFile(dataDir, values.corpus!, kept.chunks), {
  ...kept,
  seedSeconds,
  seedSteps: { ...steps, copyFromPostgres: copySeconds },
});
console.log(`copied ${kept.chunks} chunks into ${dataDir} in ${seedSeconds} s (rows ${copySeconds} s, then ${JSON.stringify(steps)})`);
await prisma.$disconnect();
await embedded.close();
process.exit(0);

/** `WHERE` filters of `perBatch` documents each. */
function documentBatches(documentIds: string[], perBatch: number): string[] {
  const batches: string[] = [];
  for (let start = 0; start < documentIds.length; start += Math.max(1, Math.floor(perBatch))) {
    const ids = documentIds.slice(start, start + Math.max(1, Math.floor(perBatch)));
    batches.push(`"documentId" IN (${ids.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ")})`);
  }
  return batches;
}
