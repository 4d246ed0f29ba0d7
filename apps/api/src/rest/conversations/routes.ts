import {
  closeConversation,
  countWaitingConversations,
  getConversation,
  listConversations,
  releaseConversation,
  replyAsOperator,
  similarConversations,
  takeOverConversation,
} from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import {
  closeConversationSpec,
  getConversationSpec,
  listConversationsSpec,
  releaseConversationSpec,
  replyToConversationSpec,
  similarConversationsSpec,
  takeOverConversationSpec,
  waitingConversationsSpec,
} from "./specs";

export function conversationRoutes() {
  const app = new OpenAPIHono();
  app.openapi(listConversationsSpec, async (c) => c.json(await listConversations(c.var.ctx, c.req.valid("query")), 200));
  // Before /conversations/{id}, so "waiting-count" is not read as an id.
  app.openapi(waitingConversationsSpec, async (c) => c.json(await countWaitingConversations(c.var.ctx), 200));
  app.openapi(getConversationSpec, async (c) => c.json(await getConversation(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(similarConversationsSpec, async (c) =>
    c.json(await similarConversations(c.var.ctx, c.req.valid("param").id, c.req.valid("query")), 200),
  );
  app.openapi(replyToConversationSpec, async (c) =>
    c.json(await replyAsOperator(c.var.ctx, c.req.valid("param").id, c.req.valid("json").text), 201),
  );
  app.openapi(takeOverConversationSpec, async (c) => c.json(await takeOverConversation(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(releaseConversationSpec, async (c) => c.json(await releaseConversation(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(closeConversationSpec, async (c) => c.json(await closeConversation(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
