import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { openRateLimits, type RateLimits } from "../src/limits/rate-limits";
import { redisReachable, testRedisUrl } from "./support/redis";

// The rate limit stores: in memory by default, in Redis (shared by every replica) with REDIS_URL.

const logger = pino({ level: "silent" });
const opened: RateLimits[] = [];
const open = async (config: { REDIS_URL?: string | undefined; REDIS_KEY_PREFIX: string }) => {
  const limits = await openRateLimits({ REDIS_URL: undefined, ...config }, logger);
  opened.push(limits);
  return limits;
};
afterAll(async () => {
  await Promise.all(opened.map((limits) => limits.close()));
});

const hits = async (limiter: { hit(key: string): Promise<number> }, key: string, count: number) => {
  const waits: number[] = [];
  for (let i = 0; i < count; i++) waits.push(await limiter.hit(key));
  return waits;
};

const redisUp = await redisReachable();
if (!redisUp) console.warn(`rate-limits.test: no Redis at ${testRedisUrl}; the Redis cases are skipped (CI starts one)`);

describe("rate limit stores", () => {
  it("in memory: points per minute per key, then the seconds to wait; 0 points is no limit", async () => {
    const limits = await open({ REDIS_KEY_PREFIX: "t:" });
    expect(limits.store).toBe("memory");
    const limiter = limits.perMinute("memory-test", 2)!;
    const waits = await hits(limiter, "a", 3);
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThanOrEqual(1);
    expect(waits[2]).toBeLessThanOrEqual(60);
    expect(await limiter.hit("b")).toBe(0);
    expect(limits.perMinute("off", 0)).toBeNull();
    // Another process's memory knows nothing of these hits.
    expect(await (await open({ REDIS_KEY_PREFIX: "t:" })).perMinute("memory-test", 2)!.hit("a")).toBe(0);
  });

  it.skipIf(!redisUp)("in Redis: two processes' limiters share one count under REDIS_KEY_PREFIX", async () => {
    const prefix = `frontdesk-test-${randomUUID()}:`;
    const a = await open({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix });
    const b = await open({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix });
    expect(a.store).toBe("redis");
    const onA = a.perMinute("shared", 3)!;
    const onB = b.perMinute("shared", 3)!;
    expect([await onA.hit("visitor"), await onB.hit("visitor"), await onA.hit("visitor")]).toEqual([0, 0, 0]);
    expect(await onB.hit("visitor")).toBeGreaterThanOrEqual(1);
    // Another deployment (prefix) on the same Redis counts on its own.
    const other = await open({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: `${prefix}other:` });
    expect(await other.perMinute("shared", 3)!.hit("visitor")).toBe(0);
  });

  it("with Redis unreachable: still limits, in this process's memory, instead of failing requests", async () => {
    const limits = await open({ REDIS_URL: "redis://127.0.0.1:1", REDIS_KEY_PREFIX: "t:" });
    const waits = await hits(limits.perMinute("insured", 2)!, "k", 3);
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThanOrEqual(1);
  });
});
