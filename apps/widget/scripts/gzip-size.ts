import { gzipSync } from "node:zlib";

/** launcher + panel ship as one file on every host page: 12 KiB gzipped, in bytes. */
export const WIDGET_BUDGET_BYTES = 12 * 1024;

/** The budget in force; FRONTDESK_WIDGET_BUDGET_BYTES overrides it (tests use it to prove the build fails). */
export function widgetBudgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.FRONTDESK_WIDGET_BUDGET_BYTES);
  return Number.isInteger(override) && override > 0 ? override : WIDGET_BUDGET_BYTES;
}

export interface SizeReport {
  bytes: number;
  ok: boolean;
  line: string;
}

export function checkGzipSize(fileName: string, code: string | Uint8Array, budgetBytes: number): SizeReport {
  const bytes = gzipSync(code, { level: 9 }).length;
  const ok = bytes <= budgetBytes;
  const kib = (n: number) => (n / 1024).toFixed(2);
  const line = `${fileName}: ${kib(bytes)} KiB gzipped (${bytes} B, ${ok ? "within" : "OVER"} the ${budgetBytes} B / ${kib(budgetBytes)} KiB budget)`;
  return { bytes, ok, line };
}
