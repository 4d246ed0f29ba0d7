import { AppError, authenticateApiKey, type AppDeps } from "@frontdesk/core";
import type { MiddlewareHandler } from "hono";
import { problemJson } from "../../errors";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Authenticates REST clients by `Authorization: Bearer fd_…` and sets `c.var.ctx` to a ServiceContext scoped to
 * the key's organization; anything else gets a 401 problem body.
 *
 * @example
 * ```ts
 * app.use("/api/v1/*", apiKeyAuth(deps));
 * app.get("/api/v1/bots", async (c) => c.json(await listBots(c.var.ctx)));
 * ```
 */
export function apiKeyAuth(deps: AppDeps): MiddlewareHandler {
  return async function apiKeyAuthMiddleware(c, next) {
    const header = c.req.header("authorization");
    const key = header?.match(BEARER)?.[1];
    if (!key) {
      const message = header ? "Authorization header must be `Bearer fd_…`" : "Missing API key (Authorization: Bearer fd_…)";
      return problemJson(c, new AppError("unauthorized", message), { "www-authenticate": "Bearer" });
    }
    try {
      const { organizationId, apiKeyId, role } = await authenticateApiKey(deps, key);
      c.set("ctx", { ...deps, organizationId, actor: { type: "apiKey", apiKeyId, role } });
    } catch (error) {
      if (error instanceof AppError) return problemJson(c, error, { "www-authenticate": 'Bearer error="invalid_token"' });
      throw error;
    }
    await next();
  };
}
