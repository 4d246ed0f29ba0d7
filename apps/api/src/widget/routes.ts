import {
  getVisitorConversation,
  getWidgetConfig,
  notFound,
  parseInput,
  rateAnswer,
  streamChat,
  submitLeadForm,
  widgetChatRequestBody,
  type RateAnswerInput,
  type SubmitLeadFormInput,
} from "@frontdesk/core";
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { ApiDeps } from "../deps";
import { chatResponse } from "../sse/chat-response";
import { visitorEvents } from "../sse/visitor-events";
import { cacheableJson } from "./etag";
import { readJson } from "./read-json";
import { VISITOR_HEADER, visitorIdOf, withVisitorId } from "./visitor-id";
import { widgetAuth } from "./widget-auth";
import { widgetRateLimit } from "./widget-rate-limit";

export const WIDGET_BASE = "/api/widget/v1";

/**
 * CORS for the widget routes, installed by createApp ahead of the body limits: it reflects the caller's origin
 * on every answer (errors, 413 and 429 included) so the widget can read them, while widgetAuth refuses origins a
 * bot does not allow.
 */
export function widgetCors() {
  return cors({
    origin: (origin) => origin || null,
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Accept", "X-Frontdesk-Bot-Key", VISITOR_HEADER, "Last-Event-ID"],
    exposeHeaders: ["Retry-After", "ETag"],
    maxAge: 600,
  });
}

/**
 * Public routes the embeddable widget calls from customers' pages (mounted at WIDGET_BASE, behind widgetCors).
 * The visitor is the X-Frontdesk-Visitor header on every route. Sending (chat, lead form) is rate limited per
 * visitor and per client IP.
 */
export function widgetRoutes(deps: ApiDeps) {
  const app = new Hono();
  app.use("*", widgetAuth(deps));
  const rateLimit = widgetRateLimit(deps.limits, {
    visitor: deps.config.WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR,
    ip: deps.config.WIDGET_RATE_LIMIT_PER_MINUTE_IP,
  });

  // A minute fresh, then revalidated by ETag: appearance edits reach pages within a minute.
  app.get("/config", async (c) =>
    cacheableJson(c, await getWidgetConfig(c.var.ctx, { locale: c.req.query("locale") }), "public, max-age=60"),
  );

  app.post("/chat", rateLimit, async (c) => {
    const ctx = c.var.ctx;
    if (ctx.actor.type !== "widget") throw notFound("Bot");
    const body = parseInput(widgetChatRequestBody, withVisitorId(c, await readJson(c)));
    const stream = await streamChat(ctx, { ...body, botId: ctx.actor.botId, channel: "web" });
    return chatResponse(c, stream, deps.logger);
  });

  app.get("/conversations/:id", async (c) =>
    c.json(await getVisitorConversation(c.var.ctx, c.req.param("id"), { visitorId: visitorIdOf(c) })),
  );

  // Status plus messages after the last one the caller has (the event stream below replaces polling it).
  app.get("/conversations/:id/messages", async (c) =>
    c.json(
      await getVisitorConversation(c.var.ctx, c.req.param("id"), {
        visitorId: visitorIdOf(c),
        after: c.req.query("after") || undefined,
      }),
    ),
  );

  // Live: status and new messages (a person's replies) pushed from whichever replica wrote them. The widget reads
  // it with fetch (not EventSource), so the visitor id goes in the header like everywhere else.
  app.get("/conversations/:id/events", (c) =>
    visitorEvents(
      c,
      c.var.ctx,
      {
        conversationId: c.req.param("id"),
        visitorId: visitorIdOf(c),
        after: c.req.header("last-event-id") || c.req.query("after") || undefined,
      },
      deps.logger,
    ),
  );

  app.post("/conversations/:id/lead", rateLimit, async (c) =>
    c.json(await submitLeadForm(c.var.ctx, c.req.param("id"), withVisitorId(c, await readJson(c)) as SubmitLeadFormInput)),
  );
  // Thumbs up/down on one of the bot's answers ({"rating":"up"|"down"|null}); limited like sending.
  app.post("/conversations/:id/messages/:messageId/rating", rateLimit, async (c) =>
    c.json(await rateAnswer(c.var.ctx, c.req.param("id"), c.req.param("messageId"), withVisitorId(c, await readJson(c)) as RateAnswerInput)),
  );
  return app;
}
