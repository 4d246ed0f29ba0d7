import { analyticsOverview, tokenUsage } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

/** GET /analytics/overview: the owner's dashboard numbers; GET /usage: model tokens per day and bot. */
export function analyticsRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.analyticsOverviewSpec, async (c) => c.json(await analyticsOverview(c.var.ctx, c.req.valid("query")), 200));
  app.openapi(specs.tokenUsageSpec, async (c) => c.json(await tokenUsage(c.var.ctx, c.req.valid("query")), 200));
  return app;
}
