import { describe, expect, it } from "vitest";
import { createSlidingWindowLimiter } from "./sliding-window";

describe("createSlidingWindowLimiter", () => {
  it("allows `limit` hits per window per key and says how long to wait, counting from the oldest hit", () => {
    const limiter = createSlidingWindowLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.hit("a", 0)).toBe(0);
    expect(limiter.hit("a", 10_000)).toBe(0);
    expect(limiter.hit("a", 20_000)).toBe(40); // the hit at 0 leaves the window at 60 s
    expect(limiter.hit("b", 20_000)).toBe(0); // keys are independent
    expect(limiter.hit("a", 60_001)).toBe(0); // refused hits were not counted
    expect(limiter.hit("a", 60_002)).toBe(10);
  });

  it("is off with a limit of 0", () => {
    const limiter = createSlidingWindowLimiter({ limit: 0, windowMs: 60_000 });
    for (let i = 0; i < 100; i++) expect(limiter.hit("a", i)).toBe(0);
  });
});
