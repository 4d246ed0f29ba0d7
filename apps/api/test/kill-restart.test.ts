import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { testServerUrl } from "@frontdesk/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `kill -9` of the real server (apps/api/src/server.ts as a child process, real local embeddings, in-process jobs)
// in the middle of an ingestion and of a chat, then a restart on the same database: nothing duplicated, nothing
// stuck. PostgreSQL only (a SIGKILLed embedded PGlite is not what this is about); skipped without a server URL.

const serverUrl = testServerUrl();
const repoRoot = resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

describe.skipIf(!serverUrl)("kill -9 and restart", () => {
  const databaseName = `frontdesk_kill_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(join(tmpdir(), "frontdesk-kill-"));
  let databaseUrl: string;
  let child: ChildProcess | undefined;
  let admin: pg.Client;
  let tenant: { apiKey: string; botPublicKey: string; knowledgeBaseId: string };

  const env = () => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEST_DATABASE_URL: "",
    PORT: "0",
    HOST: "127.0.0.1",
    FRONTDESK_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    BETTER_AUTH_SECRET: "kill-test-secret-".padEnd(40, "x"),
    INNGEST_EVENT_KEY: "",
    INNGEST_BASE_URL: "",
  });

  /** Starts the server; resolves with its URL once it printed it. */
  async function startChild(): Promise<string> {
    const started = spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], { cwd: repoRoot, env: env(), stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    let output = "";
    return new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 240_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/Frontdesk API\s+(http:\/\/127\.0\.0\.1:\d+)/);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      };
      started.stdout!.on("data", onData);
      started.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}):\n${output}`));
      });
    });
  }

  async function killChild(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((done) => running.once("exit", done));
    running.kill("SIGKILL");
    await exited;
    child = undefined;
  }

  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await admin.query<T>(sql, params)).rows;

  async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }

  beforeAll(async () => {
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`CREATE DATABASE ${databaseName}`);
    await server.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "apps/api/src/cli/index.ts", "setup", "--email", "kill@example.com", "--password", "correct-horse-battery", "--org", "Kill", "--json"],
      { cwd: repoRoot, env: env(), timeout: 240_000 },
    );
    tenant = JSON.parse(stdout.trim().split("\n").at(-1)!) as typeof tenant;
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  }, 300_000);

  afterAll(async () => {
    await killChild();
    await admin?.end();
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await server.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("during ingestion: after the restart the document is ready with exactly one set of chunks", async () => {
    let url = await startChild();
    const text = Array.from({ length: 400 }, (_, i) => `Section ${i}. The kettle model K${i} descales with citric acid every ${i % 12 + 1} weeks; its warranty covers ${i % 5 + 1} years.`).join("\n\n");
    const added = await fetch(`${url}/api/v1/knowledge/bases/${tenant.knowledgeBaseId}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "Kettles", text }),
    });
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    await until(async () => ((await query<{ status: string }>(`SELECT status FROM document WHERE id = $1`, [id]))[0]?.status === "processing" ? true : undefined), 120_000, "processing");
    await killChild();
    expect((await query<{ status: string }>(`SELECT status FROM document WHERE id = $1`, [id]))[0]!.status).not.toBe("ready");

    url = await startChild();
    const ready = await until(async () => {
      const [row] = await query<{ status: string; chunkCount: number }>(`SELECT status, "chunkCount" FROM document WHERE id = $1`, [id]);
      return row?.status === "ready" || row?.status === "failed" ? row : undefined;
    }, 240_000, "ready after restart");
    expect(ready.status).toBe("ready");
    const [chunks] = await query<{ total: string; positions: string }>(
      `SELECT count(*) AS total, count(DISTINCT position) AS positions FROM chunk WHERE "documentId" = $1`,
      [id],
    );
    expect(Number(chunks!.total)).toBe(ready.chunkCount);
    expect(Number(chunks!.positions)).toBe(ready.chunkCount);
    expect(ready.chunkCount).toBeGreaterThan(1);
    expect(Number((await query<{ n: string }>(`SELECT count(*) AS n FROM staged_chunk`))[0]!.n)).toBe(0);
    const documents = await query<{ n: string }>(`SELECT count(*) AS n FROM document WHERE "knowledgeBaseId" = $1`, [tenant.knowledgeBaseId]);
    expect(Number(documents[0]!.n)).toBe(1);
    await killChild();
  }, 600_000);

  it("during a chat stream: the visitor's message is stored once and no half answer is left", async () => {
    let url = await startChild();
    const message = `Kill test question ${randomBytes(4).toString("hex")}: how often do I descale the kettle?`;
    const response = await fetch(`${url}/api/widget/v1/chat`, {
      method: "POST",
      headers: { "x-frontdesk-bot-key": tenant.botPublicKey, "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message, visitorId: "kill-visitor" }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = "";
    while (!received.includes("event: meta")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    await killChild();
    await reader.cancel().catch(() => undefined);
    const conversationId = (JSON.parse(received.match(/event: meta\ndata: (.*)\n/)![1]!) as { conversationId: string }).conversationId;

    url = await startChild();
    const messages = await query<{ role: string; content: string }>(`SELECT role, content FROM message WHERE "conversationId" = $1 ORDER BY "createdAt"`, [conversationId]);
    expect(messages.filter((m) => m.role === "user").map((m) => m.content)).toEqual([message]);
    // The answer is stored whole when it finishes, or not at all: never a truncated one.
    for (const answer of messages.filter((m) => m.role === "assistant")) expect(answer.content.trim().length).toBeGreaterThan(0);
    // The restarted server answers the same conversation.
    const next = await fetch(`${url}/api/widget/v1/chat`, {
      method: "POST",
      headers: { "x-frontdesk-bot-key": tenant.botPublicKey, "content-type": "application/json" },
      body: JSON.stringify({ message: "And the warranty?", visitorId: "kill-visitor", conversationId }),
    });
    expect(next.status).toBe(200);
    await killChild();
  }, 600_000);
});
