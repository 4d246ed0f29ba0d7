import { getVapiFiles, getVapiLink, linkVapiAssistant, startVapiFileSync, stopVapiFileSync, unlinkVapiAssistant } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function voiceRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.getVapiLinkSpec, async (c) => c.json(await getVapiLink(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.linkVapiSpec, async (c) => c.json(await linkVapiAssistant(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200));
  app.openapi(specs.unlinkVapiSpec, async (c) => c.json(await unlinkVapiAssistant(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.getVapiFilesSpec, async (c) => c.json(await getVapiFiles(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.startVapiFilesSpec, async (c) => c.json(await startVapiFileSync(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200));
  app.openapi(specs.stopVapiFilesSpec, async (c) => c.json(await stopVapiFileSync(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
