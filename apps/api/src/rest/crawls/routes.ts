import { cancelCrawl, getCrawl, listCrawls, startCrawl } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { cancelCrawlSpec, getCrawlSpec, listCrawlsSpec, startCrawlSpec } from "./specs";

export function crawlRoutes() {
  const app = new OpenAPIHono();
  app.openapi(startCrawlSpec, async (c) => c.json(await startCrawl(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 202));
  app.openapi(listCrawlsSpec, async (c) =>
    c.json({ data: await listCrawls(c.var.ctx, c.req.valid("param").id, c.req.valid("query")) }, 200),
  );
  app.openapi(getCrawlSpec, async (c) => c.json(await getCrawl(c.var.ctx, c.req.valid("param").crawlId), 200));
  app.openapi(cancelCrawlSpec, async (c) => c.json(await cancelCrawl(c.var.ctx, c.req.valid("param").crawlId), 200));
  return app;
}
