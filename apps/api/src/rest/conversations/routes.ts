import { getConversation, listConversations } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getConversationSpec, listConversationsSpec } from "./specs";

export function conversationRoutes() {
  const app = new OpenAPIHono();
  app.openapi(listConversationsSpec, async (c) => c.json(await listConversations(c.var.ctx, c.req.valid("query")), 200));
  app.openapi(getConversationSpec, async (c) => c.json(await getConversation(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
