import { searchContacts } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { searchContactsSpec } from "./specs";

export function contactRoutes() {
  const app = new OpenAPIHono();
  app.openapi(searchContactsSpec, async (c) => c.json(await searchContacts(c.var.ctx, c.req.valid("query")), 200));
  return app;
}
