// `npm run build -w @frontdesk/widget [-- --outDir dir]`: builds the launcher (widget.js) and the lazily loaded
// panel (widget-panel.js) as two classic-script IIFEs, prints their gzipped sizes and fails over budget.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type InlineConfig } from "vite";
import { checkWidgetSize, widgetBudgetBytes } from "./gzip-size";

const widgetDir = fileURLToPath(new URL("..", import.meta.url));
const outFlag = process.argv.indexOf("--outDir");
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]!) : join(widgetDir, "dist");

// Two library builds rather than one with code splitting: host pages load widget.js with a plain <script>, so
// each file must be a self-contained IIFE (CSS is imported ?inline into the shadow root).
// Property names private to the panel bundle (its store, API client and components), shortened by terser. Never a
// name that crosses to widget.js (PanelEnv, Controller, settings), the wire (JSON bodies, events) or the DOM.
const PANEL_PRIVATE_PROPERTIES =
  /^(getConversationId|setConversationId|keyPrefix|formError|streaming|failure|newConversation|submitLead|focusInput|inputRef|logRef|onSend|onClose|retryAfter|userId|touch|follow|streamChat|visitorId|busy|handoff|rate|chat|storage)$/;

const config = (entry: string, fileName: string, define: Record<string, string> = {}, privateProperties?: RegExp): InlineConfig => ({
  root: widgetDir,
  configFile: false,
  logLevel: "warn",
  // Classic h() calls: Preact's createElement is in the bundle anyway, preact/jsx-runtime would add ~0.5 KB gz.
  esbuild: { jsx: "transform", jsxFactory: "h", jsxFragment: "Fragment", jsxInject: 'import { h, Fragment } from "preact"' },
  define: { "process.env.NODE_ENV": JSON.stringify("production"), ...define },
  build: {
    target: "es2022",
    outDir,
    emptyOutDir: false,
    copyPublicDir: false,
    // terser packs ~5% tighter than esbuild here, which is what fits the lead form and handoff into the budget.
    minify: process.env.WMIN === "esbuild" ? "esbuild" : "terser",
    cssMinify: "lightningcss",
    terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 5, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, keep_fargs: false }, format: { comments: false }, mangle: privateProperties ? { properties: { regex: privateProperties } } : true },
    lib: { entry, name: "FrontdeskWidget", formats: ["iife"], fileName: () => fileName },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});

await build(config("src/panel.tsx", "widget-panel.js", {}, PANEL_PRIVATE_PROPERTIES));
const panel = await readFile(join(outDir, "widget-panel.js"));
// The launcher asks for widget-panel.js?v=<hash of its content>, so the API can cache the panel forever.
const version = createHash("sha256").update(panel).digest("hex").slice(0, 12);
await build(config("src/main.ts", "widget.js", { __FRONTDESK_PANEL_VERSION__: JSON.stringify(version) }));
const launcher = await readFile(join(outDir, "widget.js"));

const report = checkWidgetSize(launcher, panel, widgetBudgetBytes());
for (const line of report.lines) console.log(line);
if (!report.ok) {
  console.error(`size budget exceeded: ${report.lines.at(-1)}`);
  process.exit(1);
}
