import { chatRequestBody, chatResponseSchema } from "@frontdesk/core";
import { createRoute } from "@hono/zod-openapi";
import { problems } from "../problem-schemas";

export const chatSpec = createRoute({
  method: "post",
  path: "/chat",
  tags: ["Chat"],
  summary: "Ask a bot",
  description:
    "Answers from the bot's knowledge bases with citations. Omit `conversationId` to start a conversation; pass " +
    "the returned one to continue it. With `Accept: text/event-stream` the answer streams as server-sent events: " +
    "`meta` {conversationId, userMessageId}, many `token` {text}, then `done` (the JSON response body) or " +
    "`error` {code, title}.",
  request: { body: { required: true, content: { "application/json": { schema: chatRequestBody } } } },
  responses: {
    200: {
      description: "The answer (JSON), or an event stream when requested",
      content: {
        "application/json": { schema: chatResponseSchema.meta({ id: "ChatResponse" }) },
        "text/event-stream": { schema: { type: "string", description: "meta, token…, done | error" } },
      },
    },
    ...problems(400, 404, 422, 503),
  },
});
