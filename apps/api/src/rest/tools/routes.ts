import { getBotTools, listToolCalls, listTools, setBotTools } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function toolRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listToolsSpec, async (c) => c.json(await listTools(c.var.ctx), 200));
  app.openapi(specs.getBotToolsSpec, async (c) => c.json(await getBotTools(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.setBotToolsSpec, async (c) =>
    c.json(await setBotTools(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.listToolCallsSpec, async (c) => c.json(await listToolCalls(c.var.ctx, c.req.valid("query")), 200));
  return app;
}
