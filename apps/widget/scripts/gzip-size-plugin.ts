import type { Plugin } from "vite";
import { checkGzipSize } from "./gzip-size";

/** Prints each emitted chunk's gzipped size and fails the build past the budget (the widget ships on every host page). */
export function gzipSizePlugin(options: { budgetBytes: number }): Plugin {
  return {
    name: "frontdesk:gzip-size",
    apply: "build",
    generateBundle(_output, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk") continue;
        const report = checkGzipSize(file.fileName, file.code, options.budgetBytes);
        this.info(report.line);
        if (!report.ok) this.error(`size budget exceeded: ${report.line}`);
      }
    },
  };
}
