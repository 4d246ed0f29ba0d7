import {
  createIntegration,
  deleteIntegration,
  getIntegration,
  listIntegrationCatalog,
  listIntegrations,
  syncIntegration,
  testIntegration,
  updateIntegration,
} from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function integrationRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listIntegrationTypesSpec, async (c) => c.json({ data: await listIntegrationCatalog() }, 200));
  app.openapi(specs.listIntegrationsSpec, async (c) => c.json({ data: await listIntegrations(c.var.ctx) }, 200));
  app.openapi(specs.createIntegrationSpec, async (c) => c.json(await createIntegration(c.var.ctx, c.req.valid("json")), 201));
  app.openapi(specs.getIntegrationSpec, async (c) => c.json(await getIntegration(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.updateIntegrationSpec, async (c) =>
    c.json(await updateIntegration(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteIntegrationSpec, async (c) => c.json(await deleteIntegration(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.testIntegrationSpec, async (c) => c.json(await testIntegration(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.syncIntegrationSpec, async (c) => c.json(await syncIntegration(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
