import { describe, expect, it } from "vitest";
import { formatTable } from "./format-table";
import { summarizeLatencies } from "./latency-summary";

describe("summarizeLatencies", () => {
  it("uses nearest-rank percentiles", () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i); // 1..200, shuffled order
    expect(summarizeLatencies(samples)).toEqual({ count: 200, mean: 100.5, p50: 100, p95: 190, p99: 198, max: 200 });
  });

  it("reports the only sample for every percentile and rejects no samples", () => {
    expect(summarizeLatencies([12.34])).toMatchObject({ p50: 12.3, p95: 12.3, p99: 12.3 });
    expect(() => summarizeLatencies([])).toThrow(RangeError);
  });
});

describe("formatTable", () => {
  it("pads columns and right-aligns numbers after the first column", () => {
    expect(formatTable(["name", "ms"], [["chat", "12.5"], ["knowledge search", 3]]).split("\n")).toEqual([
      "name                ms",
      "----------------  ----",
      "chat              12.5",
      "knowledge search     3",
    ]);
  });
});
