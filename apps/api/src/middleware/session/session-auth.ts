import { findMembership, type AppDeps, type Auth } from "@frontdesk/core";
import type { MiddlewareHandler } from "hono";

/**
 * Resolves the better-auth session from the request cookies. Sets `c.var.session` (null when signed out) and,
 * when the session's active organization is one the user belongs to, `c.var.ctx` and `c.var.membership`.
 * It never rejects: procedures decide what they require (see trpc.ts).
 *
 * @example
 * ```ts
 * app.use("/api/trpc/*", sessionAuth(deps, auth));
 * ```
 */
export function sessionAuth(deps: AppDeps, auth: Auth): MiddlewareHandler {
  return async function sessionAuthMiddleware(c, next) {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    c.set("session", session);
    c.set("membership", null);
    const organizationId = session?.session.activeOrganizationId;
    if (session && organizationId) {
      const membership = await findMembership(deps, { userId: session.user.id, organizationId });
      if (membership) {
        c.set("membership", { organizationId, role: membership.role });
        c.set("ctx", { ...deps, organizationId, actor: { type: "user", userId: session.user.id, role: membership.role } });
      }
    }
    await next();
  };
}
