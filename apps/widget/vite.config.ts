import { defineConfig } from "vite";
import { widgetBudgetBytes } from "./scripts/gzip-size";
import { gzipSizePlugin } from "./scripts/gzip-size-plugin";

// Library build of one self-contained IIFE: host pages load it with a plain <script>, so nothing may be
// split into chunks or emitted as a separate stylesheet (CSS is imported ?inline into the shadow root).
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  plugins: [gzipSizePlugin({ budgetBytes: widgetBudgetBytes() })],
  build: {
    target: "es2020",
    emptyOutDir: true,
    copyPublicDir: false,
    lib: {
      entry: "src/main.tsx",
      name: "FrontdeskWidget",
      formats: ["iife"],
      fileName: () => "widget.js",
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
