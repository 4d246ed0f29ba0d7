/**
 * Where an answer's time goes, for benches: named spans summed per name while FRONTDESK_TIMING is set (or after
 * `recordSpans(true)`). Off, a span is one boolean test around the work. Spans may nest and overlap (concurrent work
 * is counted in each of its spans), so totals say where time goes, not how it adds up.
 */
export interface SpanTotal {
  name: string;
  count: number;
  totalMs: number;
}

let recording = process.env.FRONTDESK_TIMING !== undefined && process.env.FRONTDESK_TIMING !== "" && process.env.FRONTDESK_TIMING !== "0";
const totals = new Map<string, { count: number; totalMs: number }>();

export function recordSpans(on: boolean): void {
  recording = on;
}

export function isRecordingSpans(): boolean {
  return recording;
}

/** Adds `ms` to the span `name` (for work timed by hand). */
export function addSpan(name: string, ms: number): void {
  if (!recording) return;
  const total = totals.get(name) ?? { count: 0, totalMs: 0 };
  total.count += 1;
  total.totalMs += ms;
  totals.set(name, total);
}

/** Runs `work` and, when recording, adds its duration (until it settles) to the span `name`. */
export async function timeSpan<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!recording) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    addSpan(name, performance.now() - started);
  }
}

/** `work()` synchronously, timed as `timeSpan` does. */
export function timeSpanSync<T>(name: string, work: () => T): T {
  if (!recording) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    addSpan(name, performance.now() - started);
  }
}

/** The spans recorded since the last reset, largest total first. */
export function spanTotals(): SpanTotal[] {
  return [...totals].map(([name, total]) => ({ name, ...total })).sort((a, b) => b.totalMs - a.totalMs);
}

export function resetSpans(): void {
  totals.clear();
}
