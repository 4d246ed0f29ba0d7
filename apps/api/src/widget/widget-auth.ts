import { resolveWidgetContext, type AppDeps } from "@frontdesk/core";
import type { MiddlewareHandler } from "hono";

/** Widget requests carry the bot's public key (header or `?key=`); sets `c.var.ctx` to that bot's organization. */
export function widgetAuth(deps: AppDeps): MiddlewareHandler {
  return async function widgetAuthMiddleware(c, next) {
    const publicKey = c.req.header("x-frontdesk-bot-key") ?? c.req.query("key");
    c.set("ctx", await resolveWidgetContext(deps, { publicKey, origin: c.req.header("origin") }));
    await next();
  };
}
