import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AppError } from "@frontdesk/core";
import { Hono } from "hono";

export const defaultWidgetScriptPath = fileURLToPath(new URL("../../../widget/dist/widget.js", import.meta.url));

/** Serves the built widget bundle at /widget.js (re-read when the file changes, so rebuilds need no restart). */
export function widgetScriptRoute(scriptPath: string = defaultWidgetScriptPath) {
  const app = new Hono();
  let cached: { mtimeMs: number; body: string } | null = null;
  app.get("/widget.js", async (c) => {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(scriptPath)).mtimeMs;
    } catch {
      throw new AppError("unavailable", "The widget is not built yet: run `npm run build -w @frontdesk/widget`");
    }
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, body: await readFile(scriptPath, "utf8") };
    return c.body(cached.body, 200, {
      "content-type": "text/javascript; charset=utf-8",
      // Embeds always point at the same URL, so keep caches short enough for upgrades to arrive the same day.
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    });
  });
  return app;
}
