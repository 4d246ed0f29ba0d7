import { readFile } from "node:fs/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ensureWidgetBuilt } from "../apps/widget/test/build-widget";
import type { SectionResult } from "./bench-section";
import { formatTable } from "./format-table";

/** Size of apps/widget/dist/widget.js as a browser downloads it (built first if missing or stale). */
export async function benchWidgetSize(): Promise<SectionResult> {
  const path = await ensureWidgetBuilt();
  const bytes = await readFile(path);
  const gzip = gzipSync(bytes, { level: 9 }).byteLength;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
  const kib = (size: number) => (size / 1024).toFixed(1);
  return {
    lines: [
      formatTable(
        ["encoding", "bytes", "KiB"],
        [
          ["raw", bytes.byteLength, kib(bytes.byteLength)],
          ["gzip -9", gzip, kib(gzip)],
          ["brotli 11", brotli, kib(brotli)],
        ],
      ),
    ],
    metrics: { rawBytes: bytes.byteLength, gzipBytes: gzip, gzipKiB: Number(kib(gzip)), brotliBytes: brotli },
  };
}
