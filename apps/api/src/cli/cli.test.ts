import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { authenticateApiKey } from "@frontdesk/core";
import { createTestDeps } from "@frontdesk/core/testing";
import { createDatabase } from "@frontdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "./cli-io";
import { runCli } from "./run-cli";

const root = resolve(import.meta.dirname, "../../../..");

/** The CLI as an operator runs it: its own process, embedded PGlite in a fresh data dir. */
function frontdesk(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, FRONTDESK_DATA_DIR: dataDir, LOG_LEVEL: "info" };
  delete env.DATABASE_URL;
  const command = [join(root, "apps/api/src/cli/index.ts"), ...args];
  return new Promise((done) => {
    execFile(join(root, "node_modules/.bin/tsx"), command, { cwd: root, env, timeout: 280_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("frontdesk CLI (child process)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "frontdesk-cli-test-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // A fresh on-disk PGlite plus module loading takes a while on a busy machine.
  it("setup --json prints exactly one JSON object on stdout, and the API key works", { timeout: 300_000 }, async () => {
    const result = await frontdesk(["setup", "--email", "cli@example.com", "--password", "password-cli", "--org", "CLI Co", "--json"], dataDir);
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(result.stdout.trim()).toBe(JSON.stringify(output));
    expect(Object.keys(output).sort()).toEqual(["apiKey", "botId", "botPublicKey", "knowledgeBaseId", "organizationId"]);
    expect(output.apiKey).toMatch(/^fd_[A-Za-z0-9_-]{32}$/);
    expect(output.botPublicKey).toMatch(/^pk_/);

    const database = await createDatabase({ dataDir, env: {} });
    try {
      await expect(authenticateApiKey(database, output.apiKey)).resolves.toEqual({
        organizationId: output.organizationId,
        apiKeyId: expect.any(String),
        role: "admin",
      });
      const bot = await database.prisma.bot.findUniqueOrThrow({ where: { id: output.botId }, include: { knowledgeBases: true } });
      expect(bot).toMatchObject({ organizationId: output.organizationId, publicKey: output.botPublicKey });
      expect(bot.knowledgeBases.map((link) => link.knowledgeBaseId)).toEqual([output.knowledgeBaseId]);
    } finally {
      await database.close();
    }
  });

  it("exits 2 naming missing flags, before opening the database", { timeout: 120_000 }, async () => {
    const missing = await frontdesk(["setup", "--email", "x@example.com"], join(dataDir, "never-created"));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/missing --password, --org/);
  });
});

describe("runCli", () => {
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  beforeAll(async () => {
    t = await createTestDeps();
  });
  afterAll(() => t.close());

  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (text) => void out.push(text), err: (text) => void err.push(text), env: {} };
    let opened = false;
    const code = await runCli(argv, io, async () => {
      opened = true;
      return { deps: t.deps, close: async () => {} };
    });
    return { code, out: out.join("\n"), err: err.join("\n"), opened };
  }

  it("prints a human summary by default and fails with exit 1 on a duplicate email", async () => {
    const first = await run(["setup", "--email", "human@example.com", "--password", "password-h", "--org", "Human Co", "--name", "Hu"]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Frontdesk is set up/);
    expect(first.out).toMatch(/API key\s+fd_/);
    expect(first.out).toMatch(/slug human-co/);

    const duplicate = await run(["setup", "--email", "human@example.com", "--password", "password-h", "--org", "Again"]);
    expect(duplicate).toMatchObject({ code: 1, out: "" });
    expect(duplicate.err).toMatch(/already exists/);
  });

  it("creates API keys by organization slug or id", async () => {
    const setup = await run(["setup", "--email", "keys@example.com", "--password", "password-k", "--org", "Key Co", "--json"]);
    const { organizationId } = JSON.parse(setup.out);
    const bySlug = await run(["api-keys", "create", "--org", "key-co", "--name", "zapier"]);
    expect(bySlug.code, bySlug.err).toBe(0);
    expect(bySlug.out).toMatch(/^fd_[A-Za-z0-9_-]{32}$/);
    await expect(authenticateApiKey(t.deps, bySlug.out)).resolves.toMatchObject({ organizationId, role: "admin" });

    const member = await run(["api-keys", "create", "--org", "key-co", "--role", "member", "--json"]);
    expect(JSON.parse(member.out)).toMatchObject({ role: "member" });
    await expect(authenticateApiKey(t.deps, JSON.parse(member.out).apiKey)).resolves.toMatchObject({ role: "member" });

    const byId = await run(["api-keys", "create", "--org", organizationId, "--json"]);
    expect(JSON.parse(byId.out)).toMatchObject({ organizationId, name: "Created by CLI", apiKey: expect.stringMatching(/^fd_/) });

    const missing = await run(["api-keys", "create", "--org", "no-such-org"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Organization "no-such-org" not found/);
  });

  it("rejects bad usage with exit 2 without opening the database", async () => {
    for (const argv of [["api-keys", "rotate"], ["api-keys", "create", "--org", "x", "--role", "root"], ["setup", "--email", "a@b.co", "--password", "p", "--org", "o", "--bogus"], ["nope"]]) {
      const result = await run(argv);
      expect(result, argv.join(" ")).toMatchObject({ code: 2, opened: false, out: "" });
      expect(result.err).toMatch(/^error: /);
    }
    expect((await run(["help"])).code).toBe(0);
  });

  it("reports invalid values with the offending field", async () => {
    const result = await run(["setup", "--email", "not-an-email", "--password", "short", "--org", "X"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/email: /);
    expect(result.err).toMatch(/password: must be at least 8 characters/);
  });
});
