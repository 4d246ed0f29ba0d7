import { AppError } from "@frontdesk/core";
import type { MiddlewareHandler } from "hono";

/**
 * A cookie-authenticated write must come from one of our own pages: browsers send Origin on every cross-origin
 * and every same-origin non-GET fetch, so a missing Origin is a non-browser client or a stripped request and is
 * refused like a foreign one (403 problem). Runs before the body is read.
 */
export function requireTrustedOrigin(origins: string[], what: string): MiddlewareHandler {
  const trusted = new Set(origins);
  return async function requireTrustedOriginMiddleware(c, next) {
    const origin = c.req.header("origin");
    if (!origin) throw new AppError("forbidden", `${what} need an Origin header from the admin`);
    if (!trusted.has(origin)) throw new AppError("forbidden", `${what} from ${origin} are not allowed`);
    await next();
  };
}
