import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const widgetDir = fileURLToPath(new URL("..", import.meta.url));
export const widgetJsPath = join(widgetDir, "dist", "widget.js");
/** The lazily loaded chat panel, built and served next to widget.js. */
export const widgetPanelPath = join(widgetDir, "dist", "widget-panel.js");

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(widgetJsPath).catch(() => null);
  if (!built || !(await stat(widgetPanelPath).catch(() => null))) return true;
  const inputs = ["src", "scripts", "package.json"].map((p) => newestMtime(join(widgetDir, p)));
  return Math.max(...(await Promise.all(inputs))) > built.mtimeMs;
}

/**
 * Returns the path of dist/widget.js (dist/widget-panel.js sits next to it), running the widget build first when
 * either is missing or older than its sources. Builds into a temp dir and renames into place so parallel test
 * files never see half a file (the panel is renamed first: the launcher names it by content hash).
 */
export async function ensureWidgetBuilt(): Promise<string> {
  if (!(await isStale())) return widgetJsPath;
  const outDir = await mkdtemp(join(tmpdir(), "frontdesk-widget-"));
  try {
    await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/build.ts", "--outDir", outDir], {
      cwd: widgetDir,
      // vitest sets NODE_ENV=test, which makes Vite emit a different (larger) bundle than production.
      env: { ...process.env, NODE_ENV: "production" },
    });
    await mkdir(dirname(widgetJsPath), { recursive: true });
    for (const path of [widgetPanelPath, widgetJsPath]) {
      const staged = `${path}.${process.pid}.tmp`;
      await copyFile(join(outDir, basename(path)), staged);
      await rename(staged, path);
    }
    return widgetJsPath;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
