import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Prints each emitted chunk's gzipped size and warns past the budget (the widget ships on every host page). */
export function gzipSizePlugin(options: { budgetKb: number }): Plugin {
  return {
    name: "frontdesk:gzip-size",
    apply: "build",
    generateBundle(_output, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk") continue;
        const bytes = gzipSync(file.code).length;
        const kb = bytes / 1024;
        const verdict = kb <= options.budgetKb ? "within" : "OVER";
        this.info(`${file.fileName}: ${kb.toFixed(2)} KiB gzipped (${bytes} B, ${verdict} the ${options.budgetKb} KiB budget)`);
        if (kb > options.budgetKb) this.warn(`${file.fileName} exceeds the ${options.budgetKb} KiB gzip budget`);
      }
    },
  };
}
