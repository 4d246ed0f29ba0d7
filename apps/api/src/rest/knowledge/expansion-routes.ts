import { deleteQueryExpansion, listQueryExpansions, reviewQueryExpansion, upsertQueryExpansion } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./expansion-specs";

/** GET/PUT/DELETE /knowledge/bases/{id}/expansions and POST …/{expansionId}/review: query expansions and their review. */
export function expansionRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listQueryExpansionsSpec, async (c) =>
    c.json({ data: await listQueryExpansions(c.var.ctx, c.req.valid("param").id, c.req.valid("query")) }, 200),
  );
  app.openapi(specs.upsertQueryExpansionSpec, async (c) =>
    c.json(await upsertQueryExpansion(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteQueryExpansionSpec, async (c) => {
    const { term } = c.req.valid("query");
    await deleteQueryExpansion(c.var.ctx, c.req.valid("param").id, { term });
    return c.json({ term, deleted: true as const }, 200);
  });
  app.openapi(specs.reviewQueryExpansionSpec, async (c) => {
    const { id, expansionId } = c.req.valid("param");
    return c.json(await reviewQueryExpansion(c.var.ctx, id, expansionId, c.req.valid("json")), 200);
  });
  return app;
}
