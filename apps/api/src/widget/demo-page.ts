import { AppError } from "@frontdesk/core";
import { Hono } from "hono";
import { html } from "hono/html";

const PUBLIC_KEY = /^pk_[A-Za-z0-9_-]{8,64}$/;

/** Optional query overrides the admin's live preview passes as the embed's data-* attributes (unsaved edits). */
function previewOverrides(query: (name: string) => string | undefined) {
  if (query("preview") !== "1") return null;
  const text = (name: string, max: number) => (query(name) ?? "").trim().slice(0, max);
  return {
    position: text("position", 20),
    primaryColor: text("primaryColor", 60),
    launcherLabel: text("launcherLabel", 60),
    locale: text("locale", 20),
    open: query("open") === "1" ? "" : "false",
  };
}

/**
 * GET /widget/demo?key=pk_… — a page on the API's own origin with the widget embedded, for trying a bot.
 * With preview=1, position, primaryColor, launcherLabel, locale and open=1 become the script's data-* overrides (the widget
 * validates them), so the admin can preview appearance edits before saving.
 */
export function widgetDemoRoute() {
  const app = new Hono();
  app.get("/widget/demo", (c) => {
    const key = c.req.query("key") ?? "";
    if (!PUBLIC_KEY.test(key)) {
      throw new AppError("validation_failed", "Pass the bot's public key: /widget/demo?key=pk_…", {
        fields: [{ field: "query.key", message: "a bot public key (pk_…) is required" }],
      });
    }
    const preview = previewOverrides((name) => c.req.query(name));
    return c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Frontdesk widget demo</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 720px; margin: 48px auto; padding: 0 24px; }
      code { background: #f1f3f5; padding: 1px 4px; border-radius: 4px; }
      /* The snippet wraps: one long line would widen the page on a phone and push the launcher off-screen. */
      pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    </style>
  </head>
  <body>
    <h1>Widget demo</h1>
    <p>This page embeds the chat bubble for bot key <code>${key}</code>. Open it from the button in the corner.</p>
    <p>To add it to your site, paste this before <code>&lt;/body&gt;</code>:</p>
    <pre><code>&lt;script src="${new URL("/widget.js", c.req.url).toString()}" data-bot-key="${key}" async&gt;&lt;/script&gt;</code></pre>
    ${preview
      ? html`<script
          src="/widget.js"
          data-bot-key="${key}"
          data-position="${preview.position}"
          data-primary-color="${preview.primaryColor}"
          data-launcher-label="${preview.launcherLabel}"
          data-locale="${preview.locale}"
          data-open="${preview.open}"
          async
        ></script>`
      : html`<script src="/widget.js" data-bot-key="${key}" async></script>`}
  </body>
</html>`);
  });
  return app;
}
