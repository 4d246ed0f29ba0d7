import {
  getVisitorConversation,
  getWidgetConfig,
  notFound,
  parseInput,
  streamChat,
  submitLeadForm,
  widgetChatRequestBody,
  type AppDeps,
  type SubmitLeadFormInput,
} from "@frontdesk/core";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { chatResponse } from "../sse/chat-response";
import { visitorEvents } from "../sse/visitor-events";
import { cacheableJson } from "./etag";
import { readJson } from "./read-json";
import { widgetAuth } from "./widget-auth";
import { widgetRateLimit } from "./widget-rate-limit";

/**
 * Public routes the embeddable widget calls from customers' pages (mounted at /api/widget/v1). CORS reflects
 * the caller's origin — including on errors, so the widget can read them — while widgetAuth refuses origins a
 * bot does not allow. Sending (chat, lead form) is rate limited per visitor and per IP.
 */
export function widgetRoutes(deps: AppDeps) {
  const app = new Hono();
  app.use(
    "*",
    cors({
      origin: (origin) => origin || null,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Content-Type", "Accept", "X-Frontdesk-Bot-Key", "Last-Event-ID"],
      exposeHeaders: ["Retry-After", "ETag"],
      maxAge: 600,
    }),
  );
  app.use("*", widgetAuth(deps));
  const rateLimit = widgetRateLimit({
    perVisitor: deps.config.WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR,
    perIp: deps.config.WIDGET_RATE_LIMIT_PER_MINUTE_IP,
  });

  // A minute fresh, then revalidated by ETag: appearance edits reach pages within a minute.
  app.get("/config", async (c) =>
    cacheableJson(c, await getWidgetConfig(c.var.ctx, { locale: c.req.query("locale") }), "public, max-age=60"),
  );

  app.post("/chat", rateLimit, async (c) => {
    const ctx = c.var.ctx;
    if (ctx.actor.type !== "widget") throw notFound("Bot");
    const body = parseInput(widgetChatRequestBody, await readJson(c));
    const stream = await streamChat(ctx, { ...body, botId: ctx.actor.botId, channel: "web" });
    return chatResponse(c, stream, deps.logger);
  });

  app.get("/conversations/:id", async (c) =>
    c.json(await getVisitorConversation(c.var.ctx, c.req.param("id"), { visitorId: c.req.query("visitorId") })),
  );

  // Status plus messages after the last one the caller has (the event stream below replaces polling it).
  app.get("/conversations/:id/messages", async (c) =>
    c.json(
      await getVisitorConversation(c.var.ctx, c.req.param("id"), {
        visitorId: c.req.query("visitorId"),
        after: c.req.query("after") || undefined,
      }),
    ),
  );

  // Live: status and new messages (a person's replies) pushed from whichever replica wrote them.
  app.get("/conversations/:id/events", (c) =>
    visitorEvents(
      c,
      c.var.ctx,
      {
        conversationId: c.req.param("id"),
        visitorId: c.req.query("visitorId"),
        after: c.req.header("last-event-id") || c.req.query("after") || undefined,
      },
      deps.logger,
    ),
  );

  app.post("/conversations/:id/lead", rateLimit, async (c) =>
    c.json(await submitLeadForm(c.var.ctx, c.req.param("id"), (await readJson(c)) as SubmitLeadFormInput)),
  );
  return app;
}
