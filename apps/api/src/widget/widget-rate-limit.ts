import { AppError } from "@frontdesk/core";
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { problemJson } from "../errors/problem-response";
import { createSlidingWindowLimiter } from "./sliding-window";

const MINUTE = 60_000;

// The socket's address: X-Forwarded-For is not trusted (anyone can send it). Requests without a socket
// (app.request in tests) share one bucket.
function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

async function visitorIdOf(c: Context): Promise<string | null> {
  try {
    const body = (await c.req.json()) as { visitorId?: unknown };
    return typeof body.visitorId === "string" && body.visitorId.trim() ? body.visitorId.trim() : null;
  } catch {
    return null; // the route answers malformed bodies with its own 400/415
  }
}

/**
 * Caps what one visitor (per bot) and one IP may send to the public widget routes per minute; beyond it a 429
 * problem with Retry-After (seconds), which the widget shows while keeping the unsent message.
 */
export function widgetRateLimit(limits: { perVisitor: number; perIp: number }): MiddlewareHandler {
  const byVisitor = createSlidingWindowLimiter({ limit: limits.perVisitor, windowMs: MINUTE });
  const byIp = createSlidingWindowLimiter({ limit: limits.perIp, windowMs: MINUTE });
  return async function widgetRateLimitMiddleware(c, next) {
    const visitorId = await visitorIdOf(c);
    const botId = c.var.ctx.actor.type === "widget" ? c.var.ctx.actor.botId : "";
    const wait = byIp.hit(clientIp(c)) || (visitorId ? byVisitor.hit(`${botId}:${visitorId}`) : 0);
    if (wait > 0) {
      const error = new AppError("rate_limited", `Too many messages: try again in ${wait} seconds`);
      return problemJson(c, error, { "retry-after": String(wait) });
    }
    await next();
  };
}
