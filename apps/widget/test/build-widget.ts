import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const widgetDir = fileURLToPath(new URL("..", import.meta.url));
export const widgetJsPath = join(widgetDir, "dist", "widget.js");

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(widgetJsPath).catch(() => null);
  if (!built) return true;
  const inputs = ["src", "vite.config.ts", "scripts", "package.json"].map((p) => newestMtime(join(widgetDir, p)));
  return Math.max(...(await Promise.all(inputs))) > built.mtimeMs;
}

/**
 * Returns the path of dist/widget.js, running `vite build` first when it is missing or older than its
 * sources. Builds into a temp dir and renames into place so parallel test files never see half a file.
 */
export async function ensureWidgetBuilt(): Promise<string> {
  if (!(await isStale())) return widgetJsPath;
  const outDir = await mkdtemp(join(tmpdir(), "frontdesk-widget-"));
  try {
    const vitePackage = createRequire(join(widgetDir, "package.json")).resolve("vite/package.json");
    const vite = join(dirname(vitePackage), "bin", "vite.js");
    await promisify(execFile)(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
      cwd: widgetDir,
      // vitest sets NODE_ENV=test, which makes Vite emit a different (larger) bundle than production.
      env: { ...process.env, NODE_ENV: "production" },
    });
    const staged = `${widgetJsPath}.${process.pid}.tmp`;
    await mkdir(dirname(widgetJsPath), { recursive: true });
    await copyFile(join(outDir, "widget.js"), staged);
    await rename(staged, widgetJsPath);
    return widgetJsPath;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
