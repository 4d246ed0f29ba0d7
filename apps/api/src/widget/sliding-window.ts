/**
 * In-memory sliding-window log: at most `limit` hits per key in any `windowMs`. One process only (a cluster would
 * need a shared store such as Redis); keys with no recent hits are swept so memory follows active clients.
 */
export interface SlidingWindowLimiter {
  /** Records a hit and returns 0, or returns the whole seconds to wait (the hit is not recorded). */
  hit(key: string, now?: number): number;
}

export function createSlidingWindowLimiter(options: { limit: number; windowMs: number }): SlidingWindowLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;

  const sweep = (now: number) => {
    if (now - lastSweep < options.windowMs) return;
    lastSweep = now;
    for (const [key, times] of hits) if (times.at(-1)! <= now - options.windowMs) hits.delete(key);
  };

  return {
    hit(key, now = Date.now()) {
      if (options.limit <= 0) return 0;
      sweep(now);
      const recent = (hits.get(key) ?? []).filter((time) => time > now - options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + options.windowMs - now) / 1000));
      }
      recent.push(now);
      hits.set(key, recent);
      return 0;
    },
  };
}
