import { AppError } from "@frontdesk/core";
import type { Context, MiddlewareHandler } from "hono";
import { problemJson } from "../errors/problem-response";
import type { Limiter } from "./rate-limits";

/** One limit a request counts against, and the key it is counted under (null: this limit does not apply). */
export interface RateLimitRule {
  limiter: Limiter | null;
  key: (c: Context) => string | null;
}

/**
 * Counts the request against each rule in order; the first one over its limit answers 429 with Retry-After
 * (seconds) and a problem body. Keys come from the socket and headers only: the body is never read here, so
 * a limited client cannot make the server read (or wait for) what it sends.
 */
export function rateLimit(rules: RateLimitRule[], message: (seconds: number) => string): MiddlewareHandler {
  const active = rules.filter((rule): rule is RateLimitRule & { limiter: Limiter } => rule.limiter !== null);
  return async function rateLimitMiddleware(c, next) {
    for (const rule of active) {
      const key = rule.key(c);
      if (key === null) continue;
      const wait = await rule.limiter.hit(key);
      if (wait > 0) return problemJson(c, new AppError("rate_limited", message(wait)), { "retry-after": String(wait) });
    }
    await next();
  };
}
