import type { MiddlewareHandler } from "hono";
import type { ApiLimits } from "./api-limits";
import { rateLimitKeyOf } from "./client-ip";
import { rateLimit } from "./rate-limit";

/** better-auth endpoints that take a password, create an account or send or use a reset link. */
const LIMITED_AUTH_PATH = /^\/api\/auth\/(?:sign-in|sign-up|forget-password|request-password-reset|reset-password|change-password|send-verification-email)(?:\/|$)/;

/**
 * AUTH_RATE_LIMIT_PER_MINUTE per client IP over all of the sign-in, sign-up and password routes together, in
 * every NODE_ENV (better-auth's own limiter is off: it trusts X-Forwarded-For and only runs in production).
 */
export function authRateLimit(limits: ApiLimits, perMinute: number): MiddlewareHandler {
  return rateLimit(
    [
      {
        limiter: limits.rateLimits.perMinute("auth-ip", perMinute),
        key: (c) => (LIMITED_AUTH_PATH.test(c.req.path) ? rateLimitKeyOf(limits.clientIp(c)) : null),
      },
    ],
    (seconds) => `Too many attempts: try again in ${seconds} seconds`,
  );
}
