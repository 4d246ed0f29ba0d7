import { conversationPageSchema, conversationWithMessagesSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Conversations"];

export const listConversationsSpec = createRoute({
  method: "get",
  path: "/conversations",
  tags,
  summary: "List conversations, most recently active first",
  request: {
    query: z.object({
      botId: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().min(1).optional().openapi({ description: "`nextCursor` of the previous page" }),
    }),
  },
  responses: {
    200: { description: "A page", content: { "application/json": { schema: conversationPageSchema.meta({ id: "ConversationPage" }) } } },
    ...problems(422),
  },
});

export const getConversationSpec = createRoute({
  method: "get",
  path: "/conversations/{id}",
  tags,
  summary: "Get a conversation with its messages",
  request: { params: z.object({ id: idParam("id", "Conversation id") }) },
  responses: {
    200: {
      description: "The conversation, messages oldest first",
      content: { "application/json": { schema: conversationWithMessagesSchema.meta({ id: "Conversation" }) } },
    },
    ...problems(404),
  },
});
