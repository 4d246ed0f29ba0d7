import { exportLeadsCsv, getLead, listLeads } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { exportLeadsSpec, getLeadSpec, listLeadsSpec } from "./specs";

export function leadRoutes() {
  const app = new OpenAPIHono();
  app.openapi(listLeadsSpec, async (c) => c.json(await listLeads(c.var.ctx, c.req.valid("query")), 200));
  // Before /leads/{id}, which would otherwise take "export.csv" for an id.
  app.openapi(exportLeadsSpec, async (c) =>
    c.body(await exportLeadsCsv(c.var.ctx, c.req.valid("query")), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="leads.csv"',
    }),
  );
  app.openapi(getLeadSpec, async (c) => c.json(await getLead(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
