// tsx bench/copy-to-pglite.ts <kept postgres url> <new PGlite directory> [--chunks 100000] [--corpus zipf] [--batch 2000]
import { execFile, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openAsBlob, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { PrismaClient, createDatabase } from "@frontdesk/db";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbeddedPglite } from "../packages/db/src/embedded";
import { checkGeneratedColumns, withGeneratedColumnsWritable } from "./generated-columns";
import { keptTenantFile, readKeptTenant, writeKeptTenantRecord } from "./kept-bench-tenant";
import { startBulkLoad } from "./seed-synthetic-chunks";

/**
 * Makes a kept PGlite bench database from a kept PostgreSQL one: every row of every table (the chunks with their
 * vectors, the full-text statistics and the tenant) copied with COPY, then PGlite's own HNSW and GIN indexes built
 * and ANALYZE run, and the kept-tenant record written for the directory. Seeding 100k chunks inside PGlite from
 * Node ran at ~20 chunks/s on the loaded machine (the generation and the WebAssembly database share one thread);
 * this leaves PGlite only the COPY and the index builds, and both databases then hold the same chunks, so their
 * timings compare like for like. Reads the source with `psql` (COPY TO STDOUT) into a file, the next batch while
 * PGlite loads one. In binary format: parsing 512 floats a vector from text was ~80 % of a chunk row's COPY in
 * WebAssembly. Generated columns (chunk.fts) come computed from the source (generated-columns.ts) and a sample
 * is checked against their expression afterwards.
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
const scratch = mkdtempSync(join(tmpdir(), "copy-to-pglite-"));
// Batches of a failed copy would stay behind otherwise (each up to ~30 MB).
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;
/** The rows of `query` in COPY's binary format, in a scratch file (a file, so psql never waits on a full pipe). */
const copyOut = (query: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const file = join(scratch, `${(copies += 1)}.copy`);
    const out = openSync(file, "w");
    const psql = spawn("psql", [source, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", `COPY (${query}) TO STDOUT (FORMAT binary)`], { stdio: ["ignore", out, "pipe"] });
    let errors = "";
    psql.stderr?.on("data", (data: Buffer) => (errors += data.toString()));
    psql.on("error", reject);
    psql.on("close", (code) => {
      closeSync(out);
      if (code === 0) resolve(file);
      else reject(new Error(`psql exited with ${code}: ${errors}`));
    });
  });
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
// Counted up front in one statement: most tables of a bench database are empty, and a psql per table costs ~0.5 s.
const rowCounts = new Map(
  lines(await sql(tables.map((table) => `SELECT '${table}', count(*) FROM "${table}"`).join(" UNION ALL "))).map((line) => {
    const [table, count] = line.split("|");
    return [table!, Number(count)] as const;
  }),
);
for (const table of tables) {
  const expected = rowCounts.get(table) ?? 0;
  if (expected === 0) continue;
  const tableStarted = performance.now();
  const rows = await withGeneratedColumnsWritable(pglite, table, async (generated) => {
    const sourceColumns = lines(await sql(`SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' ORDER BY ordinal_position`));
    if (sourceColumns.length !== (await targetColumnCount(table))) throw new Error(`${table}: the source's columns differ from this code's`);
    const columns = sourceColumns.join(", ");
    // chunk is large: a few documents' chunks at a time, so no blob outgrows PGlite's 2 GB heap.
    const filters = table === "chunk" ? documentBatches(lines(await sql(`SELECT DISTINCT "documentId" FROM chunk ORDER BY 1`)), Number(values.batch) / 200) : ["true"];
    let copied = 0;
    let next = copyOut(`SELECT ${columns} FROM "${table}" WHERE ${filters[0]}`);
    for (let batch = 0; batch < filters.length; batch += 1) {
      const file = await next;
      if (batch + 1 < filters.length) next = copyOut(`SELECT ${columns} FROM "${table}" WHERE ${filters[batch + 1]}`);
      const result = await pglite.query(`COPY "${table}" (${columns}) FROM '/dev/blob' (FORMAT binary)`, [], { blob: await openAsBlob(file) });
      rmSync(file);
      copied += result.affectedRows ?? 0;
    }
    if (generated.length > 0) console.log(`${table}: ${generated.join(", ")} copied as computed by the source`);
    return copied;
  });
  await checkGeneratedColumns(pglite, table, 1_000);
  if (rows !== expected) throw new Error(`${table}: copied ${rows} rows of ${expected}`);
  console.log(`${table}: ${rows} rows in ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`);
}
await pglite.exec("SET session_replication_role = DEFAULT");
const copySeconds = Math.round((performance.now() - started) / 100) / 10;
// The full-text statistics came with the rows: nothing to count.
const steps = await bulkLoad.finish(kept.knowledgeBaseId, (line) => console.log(line), async () => undefined);
// finish analyzed chunk; the planner needs the statistics tables' too (PGlite has no autovacuum).
for (const table of tables) if (table !== "chunk" && rowCounts.get(table)) await pglite.exec(`ANALYZE "${table}"`);
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

async function targetColumnCount(table: string): Promise<number> {
  const [row] = (await pglite.query<{ count: number }>(`SELECT count(*)::int AS count FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [table])).rows;
  return row?.count ?? 0;
}

/** `WHERE` filters of `perBatch` documents each. */
function documentBatches(documentIds: string[], perBatch: number): string[] {
  const batches: string[] = [];
  for (let start = 0; start < documentIds.length; start += Math.max(1, Math.floor(perBatch))) {
    const ids = documentIds.slice(start, start + Math.max(1, Math.floor(perBatch)));
    batches.push(`"documentId" IN (${ids.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ")})`);
  }
  return batches;
}
