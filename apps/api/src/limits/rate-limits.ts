import type { AppConfig } from "@frontdesk/config";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

const MINUTE_SECONDS = 60;
/** How long start-up waits for Redis before serving with in-memory limits until it comes back. */
const CONNECT_TIMEOUT_MS = 5_000;

/** A fixed one-minute window of `points` hits per key. */
export interface Limiter {
  /** Counts one hit for `key`: 0 when allowed, else the whole seconds until the key may try again. */
  hit(key: string): Promise<number>;
}

/** Where the widget and auth limits are counted: this process's memory, or Redis shared by every replica. */
export interface RateLimits {
  store: "memory" | "redis";
  /** `points` hits per minute per key, counted under `name`; null when points is 0 (the limit is off). */
  perMinute(name: string, points: number): Limiter | null;
  close(): Promise<void>;
}

function limiterOn(limiter: RateLimiterAbstract): Limiter {
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (rejection) {
        // Over the limit: a RateLimiterRes. Anything else is a store error the insurance limiter did not absorb.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      }
    },
  };
}

/**
 * rate-limiter-flexible on Redis when REDIS_URL is set (so a limit holds across API replicas), else in memory.
 * If Redis is unreachable each Redis limiter falls back to its own in-memory insurance limiter instead of failing
 * requests: limits then hold per process until Redis answers again.
 */
export async function openRateLimits(config: Pick<AppConfig, "REDIS_URL" | "REDIS_KEY_PREFIX">, logger: Logger): Promise<RateLimits> {
  if (!config.REDIS_URL) {
    return {
      store: "memory",
      perMinute: (name, points) => (points > 0 ? limiterOn(new RateLimiterMemory({ keyPrefix: name, points, duration: MINUTE_SECONDS })) : null),
      close: async () => undefined,
    };
  }
  // rate-limiter-flexible's advice for ioredis: no offline queue, so a command fails at once (→ insurance
  // limiter) rather than waiting for a reconnect while the request hangs.
  const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: CONNECT_TIMEOUT_MS });
  let lastError = "";
  redis.on("error", (error: Error) => {
    // ioredis retries with back-off and reports every failed attempt: log each distinct failure once.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ err: error }, "rate limits: Redis unavailable, counting in memory until it is back");
  });
  redis.on("ready", () => (lastError = ""));
  await redis.connect().catch(() => undefined);
  const prefix = `${config.REDIS_KEY_PREFIX}rate:`;
  return {
    store: "redis",
    perMinute: (name, points) =>
      points > 0
        ? limiterOn(
            new RateLimiterRedis({
              storeClient: redis,
              keyPrefix: `${prefix}${name}`,
              points,
              duration: MINUTE_SECONDS,
              insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: MINUTE_SECONDS }),
            }),
          )
        : null,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
