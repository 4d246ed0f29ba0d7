import { deleteQueryExpansion, listQueryExpansions, upsertQueryExpansion } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./expansion-specs";

/** GET/PUT/DELETE /knowledge/bases/{id}/expansions: a knowledge base's query expansions. */
export function expansionRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listQueryExpansionsSpec, async (c) =>
    c.json({ data: await listQueryExpansions(c.var.ctx, c.req.valid("param").id) }, 200),
  );
  app.openapi(specs.upsertQueryExpansionSpec, async (c) =>
    c.json(await upsertQueryExpansion(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteQueryExpansionSpec, async (c) => {
    const { term } = c.req.valid("query");
    await deleteQueryExpansion(c.var.ctx, c.req.valid("param").id, { term });
    return c.json({ term, deleted: true as const }, 200);
  });
  return app;
}
