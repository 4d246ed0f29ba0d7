import { readFile } from "node:fs/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ensureWidgetBuilt, widgetPanelPath } from "../apps/widget/test/build-widget";
import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";

/** Sizes of the widget as a browser downloads it: launcher (widget.js), lazily loaded panel, and their total. */
export async function benchWidgetSize(): Promise<SectionResult> {
  const files = { launcher: await readFile(await ensureWidgetBuilt()), panel: await readFile(widgetPanelPath) };
  const measure = (bytes: Buffer) => ({
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  });
  const launcher = measure(files.launcher);
  const panel = measure(files.panel);
  const total = { raw: launcher.raw + panel.raw, gzip: launcher.gzip + panel.gzip, brotli: launcher.brotli + panel.brotli };
  const kib = (size: number) => (size / 1024).toFixed(2);
  return {
    lines: [
      formatTable(
        ["file", "raw B", "gzip -9 B", "gzip KiB", "brotli 11 B"],
        [
          ["widget.js (launcher)", launcher.raw, launcher.gzip, kib(launcher.gzip), launcher.brotli],
          ["widget-panel.js (panel)", panel.raw, panel.gzip, kib(panel.gzip), panel.brotli],
          ["total (budget 12,288 B gz)", total.raw, total.gzip, kib(total.gzip), total.brotli],
        ],
      ),
    ],
    metrics: {
      launcherGzipBytes: launcher.gzip,
      panelGzipBytes: panel.gzip,
      gzipBytes: total.gzip,
      gzipKiB: Number(kib(total.gzip)),
      rawBytes: total.raw,
      brotliBytes: total.brotli,
    },
  };
}
