import type { MiddlewareHandler } from "hono";
import type { ApiLimits } from "../limits/api-limits";
import { rateLimitKeyOf } from "../limits/client-ip";
import { rateLimit } from "../limits/rate-limit";
import { visitorIdOf } from "./visitor-id";

/**
 * Caps what one visitor (per bot) and one client IP may send to the public widget routes per minute; beyond it a
 * 429 problem with Retry-After (seconds), which the widget shows while keeping the unsent message. The visitor is
 * the X-Frontdesk-Visitor header (never the body: the limiter decides before anything is read); a client that
 * sends none is still held by its IP.
 */
export function widgetRateLimit(limits: ApiLimits, perMinute: { visitor: number; ip: number }): MiddlewareHandler {
  return rateLimit(
    [
      { limiter: limits.rateLimits.perMinute("widget-ip", perMinute.ip), key: (c) => rateLimitKeyOf(limits.clientIp(c)) },
      {
        limiter: limits.rateLimits.perMinute("widget-visitor", perMinute.visitor),
        key: (c) => {
          const visitorId = visitorIdOf(c);
          const botId = c.var.ctx.actor.type === "widget" ? c.var.ctx.actor.botId : "";
          return visitorId ? `${botId}:${visitorId}` : null;
        },
      },
    ],
    (seconds) => `Too many messages: try again in ${seconds} seconds`,
  );
}
