import { trustedOrigins, type Auth } from "@frontdesk/core";
import type { Hono } from "hono";
import { mountAdminUpload } from "../admin/upload-route";
import type { ApiDeps } from "../deps";
import { authRateLimit } from "../limits/auth-rate-limit";
import { withClientIp } from "../limits/client-ip-header";
import { requireTrustedOrigin } from "../limits/origin-check";
import { sessionAuth } from "../middleware/session";
import { trpcHandler } from "./trpc-handler";

/**
 * What the admin talks to: better-auth at /api/auth/* (sign-in, sign-up and password routes rate limited per
 * client IP, which better-auth is told in AUTH_CLIENT_IP_HEADER), tRPC at /api/trpc/* (session cookie auth; mutations
 * only from the admin's origin) and the streaming file upload at /api/admin/knowledge/bases/:id/documents (tRPC
 * would buffer the whole file first). Body limits are applied for the whole app by createApp. Called once.
 */
export function mountAdminApi(app: Hono, deps: ApiDeps, auth: Auth): void {
  app.on(["GET", "POST"], "/api/auth/*", authRateLimit(deps.limits, deps.config.AUTH_RATE_LIMIT_PER_MINUTE), (c) =>
    auth.handler(withClientIp(c.req.raw, deps.limits.clientIp(c))),
  );
  mountAdminUpload(app, deps, auth);
  const adminOrigins = trustedOrigins([deps.config.adminUrl, deps.config.publicUrl]);
  const mutationOrigin = requireTrustedOrigin(adminOrigins, "Changes");
  app.use(
    "/api/trpc/*",
    // Mutations are POSTs; a page on another site could otherwise send one with the admin's cookie.
    (c, next) => (c.req.method === "GET" ? next() : mutationOrigin(c, next)),
    sessionAuth(deps, auth),
    trpcHandler(deps, auth),
  );
}
