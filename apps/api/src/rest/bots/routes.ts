import {
  createBot,
  deleteBot,
  getBot,
  linkKnowledgeBase,
  listBots,
  unlinkKnowledgeBase,
  updateBot,
} from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

export function botRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.createBotSpec, async (c) => c.json(await createBot(c.var.ctx, c.req.valid("json")), 201));
  app.openapi(specs.listBotsSpec, async (c) => c.json({ data: await listBots(c.var.ctx) }, 200));
  app.openapi(specs.getBotSpec, async (c) => c.json(await getBot(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.updateBotSpec, async (c) =>
    c.json(await updateBot(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteBotSpec, async (c) => c.json(await deleteBot(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.linkKnowledgeBaseSpec, async (c) => {
    const { id, kbId } = c.req.valid("param");
    return c.json(await linkKnowledgeBase(c.var.ctx, id, kbId), 200);
  });
  app.openapi(specs.unlinkKnowledgeBaseSpec, async (c) => {
    const { id, kbId } = c.req.valid("param");
    return c.json(await unlinkKnowledgeBase(c.var.ctx, id, kbId), 200);
  });
  return app;
}
