import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { migratePostgres } from "./client";
import { migrate, readMigrations } from "./migrate";
import { openPglite } from "./pglite";
import { pgliteExecutor } from "./sql-executor";

// Every test database starts as a copy of one migrated template instead of running all migrations again: on
// PostgreSQL a `frontdesk_template_<key>` database cloned with CREATE DATABASE … TEMPLATE, on PGlite a data-dir
// snapshot file that every test process loads (PGlite's initdb alone takes seconds). The key hashes the migration
// files (and the PGlite build), so a changed or added migration makes a new template and never reuses a stale one.

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  const entry = require.resolve(name);
  let dir = dirname(entry);
  while (dir !== dirname(dir)) {
    try {
      const manifest = require(join(dir, "package.json")) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? "unknown";
    } catch {
      // no package.json at this level; keep walking up
    }
    dir = dirname(dir);
  }
  return "unknown";
}

let migrationsKeyPromise: Promise<string> | undefined;

/** Short hash of every migration's name and checksum. */
function migrationsKey(): Promise<string> {
  migrationsKeyPromise ??= readMigrations().then((migrations) => {
    const hash = createHash("sha256");
    for (const migration of migrations) hash.update(`${migration.name}\0${migration.checksum}\n`);
    return hash.digest("hex").slice(0, 16);
  });
  return migrationsKeyPromise;
}

// ---------- PostgreSQL ----------

/** Runs `fn` with a connection to `serverUrl` (for CREATE/DROP DATABASE), closed afterwards. */
export async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `serverUrl` pointed at database `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function pgErrorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

const DUPLICATE_DATABASE = "42P04";
const OBJECT_IN_USE = "55006";

const postgresTemplates = new Map<string, Promise<string>>();

/**
 * Name of a migrated template database on `serverUrl`, building it on first use. Concurrent builders (test
 * processes) each migrate a private database and rename it into place; the loser drops its copy.
 */
export function postgresTemplate(serverUrl: string): Promise<string> {
  let template = postgresTemplates.get(serverUrl);
  if (!template) {
    template = buildPostgresTemplate(serverUrl).catch((error: unknown) => {
      postgresTemplates.delete(serverUrl);
      throw error;
    });
    postgresTemplates.set(serverUrl, template);
  }
  return template;
}

async function buildPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `frontdesk_template_${await migrationsKey()}`;
  const exists = await withAdminClient(serverUrl, (client) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]).then((result) => result.rowCount === 1),
  );
  if (exists) return name;
  const building = `frontdesk_template_build_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${building}"`));
  try {
    await migratePostgres(databaseUrl(serverUrl, building));
    await renameWhenIdle(serverUrl, building, name);
  } catch (error) {
    await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`));
    if (pgErrorCode(error) !== DUPLICATE_DATABASE) throw error;
  }
  return name;
}

// A just-closed connection's backend can still be exiting, which makes RENAME/CREATE … TEMPLATE report the
// database as in use for a moment.
async function retryWhileInUse<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (pgErrorCode(error) !== OBJECT_IN_USE || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function renameWhenIdle(serverUrl: string, from: string, to: string): Promise<unknown> {
  return retryWhileInUse(() => withAdminClient(serverUrl, (client) => client.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`)));
}

/** Creates database `name` on `serverUrl` as a copy of the migrated template. */
export async function createPostgresFromTemplate(serverUrl: string, name: string): Promise<void> {
  const template = await postgresTemplate(serverUrl);
  await retryWhileInUse(() => withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)));
}

// ---------- PGlite ----------

let pgliteSnapshot: Promise<Blob> | undefined;

/** A dumpDataDir() tarball of a migrated PGlite database, cached in the OS temp dir across test processes. */
export function migratedPgliteSnapshot(): Promise<Blob> {
  pgliteSnapshot ??= loadOrBuildPgliteSnapshot().catch((error: unknown) => {
    pgliteSnapshot = undefined;
    throw error;
  });
  return pgliteSnapshot;
}

async function loadOrBuildPgliteSnapshot(): Promise<Blob> {
  const build = `${packageVersion("@electric-sql/pglite")}-${packageVersion("@electric-sql/pglite-pgvector")}`;
  const file = join(tmpdir(), "frontdesk-test-templates", `pglite-${build}-${await migrationsKey()}.tar`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const pglite = await openPglite();
  let snapshot: Blob;
  try {
    await migrate(pgliteExecutor(pglite));
    snapshot = await pglite.dumpDataDir("none");
  } finally {
    await pglite.close();
  }
  // Write-then-rename, so a process never reads a half-written file from another.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(partial, new Uint8Array(await snapshot.arrayBuffer()));
    await rename(partial, file);
  } catch {
    // Caching is an optimisation: an unwritable temp dir only costs the next process a rebuild.
    await rm(partial, { force: true });
  }
  return snapshot;
}
