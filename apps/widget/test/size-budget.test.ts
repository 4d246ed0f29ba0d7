import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkWidgetSize, WIDGET_BUDGET_BYTES, widgetBudgetBytes } from "../scripts/gzip-size";
import { ensureWidgetBuilt, widgetPanelPath } from "./build-widget";

const widgetDir = fileURLToPath(new URL("..", import.meta.url));

describe("widget size budget", () => {
  it("keeps the built launcher + panel within 12 KiB gzipped, the launcher a small part of it", async () => {
    const launcher = await readFile(await ensureWidgetBuilt());
    const report = checkWidgetSize(launcher, await readFile(widgetPanelPath), WIDGET_BUDGET_BYTES);
    expect(WIDGET_BUDGET_BYTES).toBe(12_288);
    expect(report.ok, report.lines.join("\n")).toBe(true);
    expect(report.launcherBytes).toBeLessThan(report.panelBytes / 2);
    expect(report.panelBytes).toBeGreaterThan(1000);
    // The launcher loads the panel by content hash, so a long-cached old panel is never paired with a new launcher.
    expect(launcher.toString()).toMatch(/widget-panel\.js\?v=[0-9a-f]{12}/);
  });

  it("fails the build (non-zero exit) when launcher + panel are over budget", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "frontdesk-widget-size-"));
    try {
      const build = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/build.ts", "--outDir", outDir], {
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
