import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkGzipSize, WIDGET_BUDGET_BYTES, widgetBudgetBytes } from "../scripts/gzip-size";
import { ensureWidgetBuilt } from "./build-widget";

const widgetDir = fileURLToPath(new URL("..", import.meta.url));
const vite = join(dirname(createRequire(join(widgetDir, "package.json")).resolve("vite/package.json")), "bin", "vite.js");

describe("widget size budget", () => {
  it("keeps the built launcher + panel within 12 KiB gzipped", async () => {
    const report = checkGzipSize("widget.js", await readFile(await ensureWidgetBuilt()), WIDGET_BUDGET_BYTES);
    expect(WIDGET_BUDGET_BYTES).toBe(12_288);
    expect(report.ok, report.line).toBe(true);
    expect(report.bytes).toBeGreaterThan(1000);
  });

  it("fails the build (non-zero exit) when the bundle is over budget", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "frontdesk-widget-size-"));
    try {
      const build = promisify(execFile)(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir"], {
        cwd: widgetDir,
        env: { ...process.env, NODE_ENV: "production", FRONTDESK_WIDGET_BUDGET_BYTES: "2048" },
      });
      await expect(build).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("size budget exceeded") });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it("reads the budget override only when it is a positive integer", () => {
    expect(widgetBudgetBytes({})).toBe(12_288);
    expect(widgetBudgetBytes({ FRONTDESK_WIDGET_BUDGET_BYTES: "abc" })).toBe(12_288);
    expect(widgetBudgetBytes({ FRONTDESK_WIDGET_BUDGET_BYTES: "2048" })).toBe(2048);
  });
});
