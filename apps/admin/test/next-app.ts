import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

/** Test-side control of the admin app: build it when its sources changed, start it with `next start`. */

export const adminDir = resolve(import.meta.dirname, "..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const buildInputs = ["src", "next.config.ts", "package.json", "tsconfig.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function isBuildFresh(): boolean {
  const buildId = join(adminDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return buildInputs.every((input) => newestMtime(join(adminDir, input)) < builtAt);
}

const buildLock = join(adminDir, ".next-build.lock");
/** A lock older than this belongs to a build that died; it is taken over. */
const staleLockMs = 15 * 60_000;

/** Several browser test files run in parallel workers; a directory lock makes them share one `next build`. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(buildLock);
      break;
    } catch {
      if (existsSync(buildLock) && Date.now() - statSync(buildLock).mtimeMs > staleLockMs) rmSync(buildLock, { recursive: true, force: true });
      await new Promise((wait) => setTimeout(wait, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(buildLock, { recursive: true, force: true });
  }
}

/** Runs `next build` unless .next already holds a build newer than every source file. */
export async function ensureAdminBuilt(): Promise<void> {
  if (isBuildFresh()) return;
  await withBuildLock(async () => {
    if (!isBuildFresh()) await runNextBuild();
  });
}

async function runNextBuild(): Promise<void> {
  const output: string[] = [];
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd: adminDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.join("")}`);
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

export interface RunningAdmin {
  url: string;
  logs: () => string;
  stop: () => Promise<void>;
}

/** `next start` on 127.0.0.1:port, proxying /api to apiUrl; resolves once it answers HTTP. */
export async function startAdmin(options: { port: number; apiUrl: string; publicUrl?: string }): Promise<RunningAdmin> {
  const url = `http://127.0.0.1:${options.port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: adminDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      API_URL: options.apiUrl,
      PUBLIC_URL: options.publicUrl ?? options.apiUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output.join("")}`);
    try {
      await fetch(`${url}/sign-in`, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer within 60 s:\n${output.join("")}`);
      }
      await new Promise((wait) => setTimeout(wait, 200));
    }
  }
  return { url, logs: () => output.join(""), stop };
}
