/**
 * `npm start`: builds what is missing (widget bundle, admin), then runs the API (with the in-process worker)
 * and the admin side by side, honouring PORT / ADMIN_PORT / FRONTDESK_DATA_DIR so two instances can coexist.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig } from "@frontdesk/config";

const root = resolve(import.meta.dirname, "..");
const config = loadConfig();
const children: ChildProcess[] = [];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(output: string, sourceDirs: string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sourceDirs.some((dir) => existsSync(dir) && newestMtime(dir) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code, signal) => {
    if (shuttingDown) return;
    console.error(`[frontdesk] ${name} stopped (${signal ?? `exit ${code}`}); shutting down`);
    void shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  return false;
}

let shuttingDown = false;
async function shutdown(code: number) {
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
  await new Promise((wait) => setTimeout(wait, 300));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

const widgetDir = join(root, "apps/widget");
if (isStale(join(widgetDir, "dist/widget.js"), [join(widgetDir, "src")])) {
  console.log("[frontdesk] building the widget bundle…");
  await run("npm", ["run", "build", "-w", "@frontdesk/widget"]);
}
const adminDir = join(root, "apps/admin");
if (isStale(join(adminDir, ".next/BUILD_ID"), [join(adminDir, "app"), join(adminDir, "src")])) {
  console.log("[frontdesk] building the admin (first start only; about a minute)…");
  await run("npm", ["run", "build", "-w", "@frontdesk/admin"]);
}

const apiUrl = `http://127.0.0.1:${config.PORT}`;
launch("api", process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], process.env);
launch("admin", "npm", ["run", "start", "-w", "@frontdesk/admin", "--", "-p", String(config.ADMIN_PORT)], {
  ...process.env,
  API_URL: apiUrl,
  NEXT_TELEMETRY_DISABLED: "1",
});

const [apiUp, adminUp] = await Promise.all([
  waitFor(`${apiUrl}/api/health`, 120_000),
  waitFor(`http://127.0.0.1:${config.ADMIN_PORT}/sign-in`, 120_000),
]);
if (!apiUp || !adminUp) {
  console.error(`[frontdesk] ${apiUp ? "admin" : "API"} did not come up; see the log above`);
  await shutdown(1);
}
console.log(`
  Frontdesk is running
  ────────────────────
  Admin     ${config.adminUrl}      sign up at ${config.adminUrl}/sign-up (the first account creates your organization)
  API       ${config.publicUrl}/api/v1   docs at ${config.publicUrl}/api/v1/docs
  Widget    ${config.publicUrl}/widget.js
  Database  ${config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${resolve(config.FRONTDESK_DATA_DIR)}/pglite`}
  Answers   ${config.LLM_PROVIDER && config.LLM_PROVIDER !== "none" ? config.LLM_PROVIDER : "extractive with citations (set OPENAI_API_KEY or another LLM key for generated answers)"}

  Press Ctrl+C to stop.
`);
