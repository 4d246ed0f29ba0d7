import { getVapiLink, linkVapiAssistant, unlinkVapiAssistant } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function voiceRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.getVapiLinkSpec, async (c) => c.json(await getVapiLink(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.linkVapiSpec, async (c) => c.json(await linkVapiAssistant(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200));
  app.openapi(specs.unlinkVapiSpec, async (c) => c.json(await unlinkVapiAssistant(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
