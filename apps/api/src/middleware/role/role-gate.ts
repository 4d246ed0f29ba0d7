import { requireRole, requiredRole } from "@frontdesk/core";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";

/**
 * The route the request will be answered by, as the OpenAPI document names it relative to `basePath`
 * ("/bots/{id}"), or null when no route matches (the 404 comes later). Middlewares match every method ("ALL");
 * the handler is the route registered for the request's method.
 */
export function openApiRouteOf(c: Context, basePath = ""): string | null {
  const method = c.req.method.toUpperCase();
  const route = matchedRoutes(c).findLast((candidate) => candidate.method === method || (method === "HEAD" && candidate.method === "GET"));
  if (!route) return null;
  const path = route.path.startsWith(basePath) ? route.path.slice(basePath.length) || "/" : route.path;
  return path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
}

/**
 * 403 unless the caller's role (API key or session membership, on `c.var.ctx`) reaches what the role matrix
 * (@frontdesk/core authorization/role-matrix.ts) asks for this route. Runs after authentication, before the
 * body is read.
 */
export function roleGate(basePath = ""): MiddlewareHandler {
  return async function roleGateMiddleware(c, next) {
    const route = openApiRouteOf(c, basePath);
    if (route) requireRole(c.var.ctx, requiredRole({ transport: "rest", method: c.req.method, route }), `${c.req.method} ${route}`);
    await next();
  };
}
