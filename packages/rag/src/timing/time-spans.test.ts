import { afterEach, describe, expect, it } from "vitest";
import { recordSpans, resetSpans, spanTotals, timeSpan, timeSpanSync } from "./time-spans";

describe("time spans", () => {
  afterEach(() => {
    recordSpans(false);
    resetSpans();
  });

  it("records nothing while off, and passes results and errors through", async () => {
    recordSpans(false);
    expect(await timeSpan("a", async () => 1)).toBe(1);
    expect(timeSpanSync("b", () => 2)).toBe(2);
    expect(spanTotals()).toEqual([]);
  });

  it("counts each span by name while on, failed work included", async () => {
    recordSpans(true);
    await timeSpan("search", async () => "x");
    await timeSpan("search", async () => "y");
    await expect(timeSpan("store", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(() => timeSpanSync("compose", () => { throw new Error("bad"); })).toThrow("bad");
    const counts = Object.fromEntries(spanTotals().map((span) => [span.name, span.count]));
    expect(counts).toEqual({ search: 2, store: 1, compose: 1 });
    expect(spanTotals().every((span) => span.totalMs >= 0)).toBe(true);
  });
});
