import type { ToolLatency } from "./call-schemas";

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Per tool: count, failures and p50/p99 latency of its logged calls, busiest tool first. */
export function toolLatencies(rows: readonly { toolName: string; ok: boolean; durationMs: number }[]): ToolLatency[] {
  const byTool = new Map<string, { durations: number[]; errors: number }>();
  for (const row of rows) {
    const entry = byTool.get(row.toolName) ?? { durations: [], errors: 0 };
    entry.durations.push(row.durationMs);
    if (!row.ok) entry.errors += 1;
    byTool.set(row.toolName, entry);
  }
  return [...byTool.entries()]
    .map(([toolName, { durations, errors }]) => {
      const sorted = durations.sort((a, b) => a - b);
      return { toolName, calls: sorted.length, errors, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
    })
    .sort((a, b) => b.calls - a.calls || a.toolName.localeCompare(b.toolName));
}
