import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, MigrationError, readMigrations } from "./migrate";
import type { SqlExecutor } from "./sql-executor";
import { createEmptyDatabase, testBackends, type EmptyDatabase } from "./test-backends";

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, "migration.sql"), sql);
}

const tableExists = async (db: SqlExecutor, table: string) =>
  (await db.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [table]))[0]?.found != null;

const appliedNames = async (db: SqlExecutor) =>
  (await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`)).map(
    (row) => row.migration_name,
  );

describe.each(testBackends)("migrate() on $name", ({ serverUrl }) => {
  let database: EmptyDatabase;
  let db: SqlExecutor & { close(): Promise<void> };
  let dir: string;

  beforeEach(async () => {
    database = await createEmptyDatabase(serverUrl);
    db = await database.connect();
    dir = mkdtempSync(join(tmpdir(), "frontdesk-migrations-"));
  });
  afterEach(async () => {
    await db?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies the repository's migrations once and records them like prisma migrate deploy", async () => {
    const migrations = await readMigrations();
    const names = migrations.map((migration) => migration.name);
    expect(names[0]).toMatch(/^\d{14}_init$/);

    expect(await migrate(db)).toEqual({ applied: names, alreadyApplied: [] });
    expect(await tableExists(db, "chunk")).toBe(true);

    const rows = await db.query<Record<string, unknown>>(
      `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    const row = rows[0] ?? {};
    const fileHash = createHash("sha256")
      .update(readFileSync(join(defaultMigrationsDir, names[0] ?? "", "migration.sql")))
      .digest("hex");
    expect(row.checksum).toBe(fileHash);
    expect(row.finished_at).not.toBeNull();
    expect(row.started_at).not.toBeNull();
    expect(row.rolled_back_at).toBeNull();
    expect(row.logs).toBeNull();
    expect(row.applied_steps_count).toBe(1);
    expect(String(row.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    expect(await migrate(db)).toEqual({ applied: [], alreadyApplied: names });
    expect(await appliedNames(db)).toEqual(names);
  });

  it("applies only pending migrations, in name order", async () => {
    writeMigration(dir, "20240101000000_one", `CREATE TABLE one (id int PRIMARY KEY);`);
    expect(await migrate(db, { migrationsDir: dir })).toEqual({ applied: ["20240101000000_one"], alreadyApplied: [] });
    writeMigration(dir, "20240103000000_three", `ALTER TABLE two ADD COLUMN c int;`);
    writeMigration(dir, "20240102000000_two", `CREATE TABLE two (id int REFERENCES one (id));`);
    expect(await migrate(db, { migrationsDir: dir })).toEqual({
      applied: ["20240102000000_two", "20240103000000_three"],
      alreadyApplied: ["20240101000000_one"],
    });
  });

  it("refuses to run when an applied migration was edited", async () => {
    writeMigration(dir, "20240101000000_one", `CREATE TABLE one (id int);`);
    await migrate(db, { migrationsDir: dir });
    writeMigration(dir, "20240101000000_one", `CREATE TABLE one (id bigint);`);
    writeMigration(dir, "20240102000000_two", `CREATE TABLE two (id int);`);

    const attempt = migrate(db, { migrationsDir: dir });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/20240101000000_one was modified after it was applied/);
    expect(await tableExists(db, "two")).toBe(false);
  });

  it("rolls back a failing migration entirely and applies it once fixed", async () => {
    writeMigration(dir, "20240101000000_one", `CREATE TABLE one (id int);`);
    writeMigration(dir, "20240102000000_bad", `CREATE TABLE half (id int);\nSELECT * FROM no_such_table;`);

    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      /Migration 20240102000000_bad failed and was rolled back: .*no_such_table/,
    );
    expect(await tableExists(db, "one")).toBe(true);
    expect(await tableExists(db, "half")).toBe(false);
    expect(await appliedNames(db)).toEqual(["20240101000000_one"]);

    writeMigration(dir, "20240102000000_bad", `CREATE TABLE half (id int);`);
    expect(await migrate(db, { migrationsDir: dir })).toEqual({
      applied: ["20240102000000_bad"],
      alreadyApplied: ["20240101000000_one"],
    });
  });

  it("refuses to run after a migration left unfinished by another tool", async () => {
    writeMigration(dir, "20240101000000_one", `CREATE TABLE one (id int);`);
    await migrate(db, { migrationsDir: dir });
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000000', 'x', '20240102000000_broken')`,
    );
    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(/20240102000000_broken failed in an earlier run/);
  });

  if (serverUrl) {
    it("serializes concurrent runners (advisory lock) so each migration is applied once", async () => {
      writeMigration(dir, "20240101000000_one", `CREATE TABLE one (id int); SELECT pg_sleep(0.2);`);
      const other = await database.connect();
      try {
        const results = await Promise.all([migrate(db, { migrationsDir: dir }), migrate(other, { migrationsDir: dir })]);
        expect(results.flatMap((result) => result.applied)).toEqual(["20240101000000_one"]);
        expect(await appliedNames(db)).toEqual(["20240101000000_one"]);
      } finally {
        await other.close();
      }
    });
  }
});
