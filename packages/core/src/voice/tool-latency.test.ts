import { describe, expect, it } from "vitest";
import { percentile, toolLatencies } from "./tool-latency";

describe("tool latency", () => {
  it("nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("groups calls per tool with errors, busiest first", () => {
    const rows = [
      { toolName: "book", ok: true, durationMs: 300 },
      { toolName: "search_knowledge", ok: true, durationMs: 20 },
      { toolName: "book", ok: false, durationMs: 15_000 },
      { toolName: "book", ok: true, durationMs: 200 },
    ];
    expect(toolLatencies(rows)).toEqual([
      { toolName: "book", calls: 3, errors: 1, p50Ms: 300, p99Ms: 15_000 },
      { toolName: "search_knowledge", calls: 1, errors: 0, p50Ms: 20, p99Ms: 20 },
    ]);
  });
});
