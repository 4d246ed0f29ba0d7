import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "./client";
import { DatabaseInUseError } from "./pglite-lock";
import { createEmptyDatabase, testBackends } from "./test-backends";
import { createTestDatabase } from "./testing";

async function withSleepingProcess<T>(fn: (pid: number) => Promise<T>): Promise<T> {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  try {
    if (!child.pid) throw new Error("could not start sleep");
    return await fn(child.pid);
  } finally {
    child.kill();
  }
}

async function deadPid(): Promise<number> {
  const child = spawn("true", { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (!child.pid) throw new Error("could not start true");
  return child.pid;
}

// Each test opens (and migrates) a fresh on-disk database, some twice: minutes on a loaded 2-core machine.
describe("createDatabase() with embedded PGlite", { timeout: 240_000 }, () => {
  let dataDir: string;
  const open = () => createDatabase({ dataDir, env: {} });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "frontdesk-data-"));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates, migrates and persists the database under <dataDir>/pglite across reopen", async () => {
    const first = await open();
    expect(first.kind).toBe("pglite");
    await first.prisma.organization.create({ data: { id: "org_1", name: "Acme", slug: "acme" } });
    await first.close();
    expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);

    const second = await open();
    try {
      expect(await second.prisma.organization.findUnique({ where: { slug: "acme" } })).toMatchObject({ id: "org_1" });
      const migrations = await second.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(migrations[0]?.n).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it("locks the data dir while open and releases the lock on close", async () => {
    const db = await open();
    const lockPath = join(dataDir, "pglite.lock");
    try {
      expect(readFileSync(lockPath, "utf8").trim()).toBe(String(process.pid));
      const second = open();
      await expect(second).rejects.toThrow(DatabaseInUseError);
      await expect(second).rejects.toThrow(
        `the embedded database at ${join(dataDir, "pglite")} is in use by process ${process.pid} (this process); stop it or set DATABASE_URL`,
      );
    } finally {
      await db.close();
    }
    expect(existsSync(lockPath)).toBe(false);
    const reopened = await open();
    await reopened.close();
  });

  it("refuses a data dir locked by another running process", async () => {
    await withSleepingProcess(async (pid) => {
      writeFileSync(join(dataDir, "pglite.lock"), `${pid}\n`);
      await expect(open()).rejects.toThrow(`is in use by process ${pid}; stop it or set DATABASE_URL`);
      expect(readFileSync(join(dataDir, "pglite.lock"), "utf8").trim()).toBe(String(pid));
    });
  });

  it("takes over a stale lock left by a process that is gone", async () => {
    const pid = await deadPid();
    writeFileSync(join(dataDir, "pglite.lock"), `${pid}\n`);
    const db = await open();
    try {
      expect(readFileSync(join(dataDir, "pglite.lock"), "utf8").trim()).toBe(String(process.pid));
    } finally {
      await db.close();
    }
  });
});

describe.each(testBackends)("Prisma on $name", ({ name, serverUrl }) => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase({ serverUrl });
  });
  afterEach(async () => {
    await db?.close();
  });

  it("runs batch and interactive transactions, rolling back on error", async () => {
    expect(db.kind).toBe(name);
    const [created, count] = await db.prisma.$transaction([
      db.prisma.organization.create({ data: { id: "org_a", name: "A", slug: "a" } }),
      db.prisma.organization.count(),
    ]);
    expect(created.id).toBe("org_a");
    expect(count).toBe(1);

    await db.prisma.$transaction(async (tx) => {
      await tx.organization.create({ data: { id: "org_b", name: "B", slug: "b" } });
      expect(await tx.organization.count()).toBe(2);
    });

    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.organization.create({ data: { id: "org_c", name: "C", slug: "c" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    // A failed batch rolls back its earlier statements too (unique slug violation on the second insert).
    await expect(
      db.prisma.$transaction([
        db.prisma.organization.create({ data: { id: "org_d", name: "D", slug: "d" } }),
        db.prisma.organization.create({ data: { id: "org_e", name: "E", slug: "a" } }),
      ]),
    ).rejects.toThrow();
    expect((await db.prisma.organization.findMany({ orderBy: { id: "asc" } })).map((org) => org.id)).toEqual(["org_a", "org_b"]);
  });

  it("cascades deletes from an organization to its rows", async () => {
    await db.prisma.organization.create({
      data: { id: "org_x", name: "X", slug: "x", bots: { create: { name: "Bot", publicKey: "pk_test_x" } } },
    });
    expect(await db.prisma.bot.count()).toBe(1);
    await db.prisma.organization.delete({ where: { id: "org_x" } });
    expect(await db.prisma.bot.count()).toBe(0);
  });
});

describe.skipIf(!testBackends.some((backend) => backend.name === "postgres"))("createDatabase() with DATABASE_URL", () => {
  it("migrates the PostgreSQL database and connects with the pg adapter", async () => {
    const serverUrl = testBackends.find((backend) => backend.name === "postgres")?.serverUrl ?? "";
    const empty = await createEmptyDatabase(serverUrl);
    const url = await empty.connect().then(async (executor) => {
      const rows = await executor.query<{ db: string }>("SELECT current_database() AS db");
      await executor.close();
      const target = new URL(serverUrl);
      target.pathname = `/${rows[0]?.db ?? ""}`;
      return target.toString();
    });
    try {
      const db = await createDatabase({ env: { DATABASE_URL: url }, dataDir: "/nonexistent" });
      try {
        expect(db.kind).toBe("postgres");
        expect(await db.prisma.organization.count()).toBe(0);
      } finally {
        await db.close();
      }
    } finally {
      await empty.close();
    }
  });
});
