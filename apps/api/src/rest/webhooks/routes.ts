import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function webhookRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listWebhooksSpec, async (c) => c.json({ data: await listWebhookEndpoints(c.var.ctx) }, 200));
  app.openapi(specs.createWebhookSpec, async (c) => c.json(await createWebhookEndpoint(c.var.ctx, c.req.valid("json")), 201));
  app.openapi(specs.updateWebhookSpec, async (c) =>
    c.json(await updateWebhookEndpoint(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteWebhookSpec, async (c) => c.json(await deleteWebhookEndpoint(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.listDeliveriesSpec, async (c) =>
    c.json({ data: await listWebhookDeliveries(c.var.ctx, c.req.valid("param").id, c.req.valid("query")) }, 200),
  );
  return app;
}
