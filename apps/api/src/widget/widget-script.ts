import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "@frontdesk/core";
import { Hono } from "hono";

export const defaultWidgetScriptPath = fileURLToPath(new URL("../../../widget/dist/widget.js", import.meta.url));

/** Re-reads a built file when it changes, so rebuilding the widget needs no restart. */
function cachedFile(path: string) {
  let cached: { mtimeMs: number; body: string } | null = null;
  return async (): Promise<string> => {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(path)).mtimeMs;
    } catch {
      throw new AppError("unavailable", "The widget is not built yet: run `npm run build -w @frontdesk/widget`");
    }
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, body: await readFile(path, "utf8") };
    return cached.body;
  };
}

/**
 * Serves the built widget: the launcher at /widget.js and, next to it, the chat panel chunk the launcher loads on
 * first open or when the page is idle (/widget-panel.js, always requested as ?v=<content hash>).
 */
export function widgetScriptRoute(scriptPath: string = defaultWidgetScriptPath) {
  const app = new Hono();
  const launcher = cachedFile(scriptPath);
  const panel = cachedFile(join(dirname(scriptPath), "widget-panel.js"));
  const javascript = (body: string, cacheControl: string) =>
    new Response(body, {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": cacheControl, "access-control-allow-origin": "*" },
    });
  // Embeds always point at the same URL, so keep caches short enough for upgrades to arrive the same day.
  app.get("/widget.js", async () => javascript(await launcher(), "public, max-age=3600"));
  // The launcher names the panel by its content hash, so a cached copy can never be stale.
  app.get("/widget-panel.js", async () => javascript(await panel(), "public, max-age=31536000, immutable"));
  return app;
}
