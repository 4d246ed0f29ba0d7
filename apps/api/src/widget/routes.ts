import {
  getConversation,
  getWidgetConfig,
  notFound,
  parseInput,
  streamChat,
  widgetChatRequestBody,
  type AppDeps,
} from "@frontdesk/core";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { chatResponse } from "../sse/chat-response";
import { readJson } from "./read-json";
import { widgetAuth } from "./widget-auth";

/**
 * Public routes the embeddable widget calls from customers' pages (mounted at /api/widget/v1). CORS reflects
 * the caller's origin — including on errors, so the widget can read them — while widgetAuth refuses origins a
 * bot does not allow.
 */
export function widgetRoutes(deps: AppDeps) {
  const app = new Hono();
  app.use(
    "*",
    cors({
      origin: (origin) => origin || null,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Content-Type", "Accept", "X-Frontdesk-Bot-Key"],
      maxAge: 600,
    }),
  );
  app.use("*", widgetAuth(deps));

  app.get("/config", async (c) => c.json(await getWidgetConfig(c.var.ctx)));

  app.post("/chat", async (c) => {
    const ctx = c.var.ctx;
    if (ctx.actor.type !== "widget") throw notFound("Bot");
    const body = parseInput(widgetChatRequestBody, await readJson(c));
    const stream = await streamChat(ctx, { ...body, botId: ctx.actor.botId, channel: "web" });
    return chatResponse(c, stream, deps.logger);
  });

  app.get("/conversations/:id", async (c) => {
    const visitorId = c.req.query("visitorId");
    const conversation = await getConversation(c.var.ctx, c.req.param("id"), { visitorId });
    return c.json({
      id: conversation.id,
      messages: conversation.messages
        .filter((m) => m.role === "user" || m.role === "assistant")
        .map(({ id, role, content, citations, createdAt }) => ({ id, role, content, citations, createdAt })),
    });
  });
  return app;
}
