import { createApiKey, listApiKeys, revokeApiKey } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

/** /api-keys: the organization's keys; the role matrix keeps them to owners and admins. */
export function apiKeyRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listApiKeysSpec, async (c) => c.json({ data: await listApiKeys(c.var.ctx) }, 200));
  app.openapi(specs.createApiKeySpec, async (c) => {
    const created = await createApiKey(c.var.ctx, c.req.valid("json"));
    const [summary] = (await listApiKeys(c.var.ctx)).filter((key) => key.id === created.id);
    return c.json({ ...summary!, key: created.key }, 201);
  });
  app.openapi(specs.revokeApiKeySpec, async (c) => c.json(await revokeApiKey(c.var.ctx, { id: c.req.valid("param").id }), 200));
  return app;
}
