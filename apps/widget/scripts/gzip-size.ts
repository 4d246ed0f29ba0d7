import { gzipSync } from "node:zlib";

/** launcher + panel together, gzipped, in bytes: what a visitor downloads before chatting. 12 KiB. */
export const WIDGET_BUDGET_BYTES = 12 * 1024;

/** The budget in force; FRONTDESK_WIDGET_BUDGET_BYTES overrides it (tests use it to prove the build fails). */
export function widgetBudgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.FRONTDESK_WIDGET_BUDGET_BYTES);
  return Number.isInteger(override) && override > 0 ? override : WIDGET_BUDGET_BYTES;
}

export const gzipBytes = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;

export interface SizeReport {
  launcherBytes: number;
  panelBytes: number;
  totalBytes: number;
  ok: boolean;
  lines: string[];
}

const kib = (n: number) => (n / 1024).toFixed(2);

/** Gzipped sizes of widget.js and widget-panel.js; the budget applies to their sum. */
export function checkWidgetSize(launcher: Uint8Array | string, panel: Uint8Array | string, budgetBytes: number): SizeReport {
  const launcherBytes = gzipBytes(launcher);
  const panelBytes = gzipBytes(panel);
  const totalBytes = launcherBytes + panelBytes;
  const ok = totalBytes <= budgetBytes;
  return {
    launcherBytes,
    panelBytes,
    totalBytes,
    ok,
    lines: [
      `widget.js (launcher): ${kib(launcherBytes)} KiB gzipped (${launcherBytes} B)`,
      `widget-panel.js (panel): ${kib(panelBytes)} KiB gzipped (${panelBytes} B)`,
      `total: ${kib(totalBytes)} KiB gzipped (${totalBytes} B, ${ok ? "within" : "OVER"} the ${budgetBytes} B / ${kib(budgetBytes)} KiB budget)`,
    ],
  };
}
