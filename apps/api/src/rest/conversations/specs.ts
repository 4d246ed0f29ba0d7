import {
  conversationHitsSchema,
  conversationPageSchema,
  conversationSchema,
  conversationWithMessagesSchema,
  messageSchema,
  operatorReplyInput,
  waitingCountSchema,
} from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Conversations"];

export const listConversationsSpec = createRoute({
  method: "get",
  path: "/conversations",
  tags,
  summary: "List conversations, most recently active first, or search them by meaning and words",
  description:
    "With `q`: the conversations whose visitor or caller messages match `q` by meaning (vectors of the bot's knowledge base embedding model, HNSW-indexed) or by words, fused by rank, best first, each with `score` and the `match`ing message; one page (`nextCursor` null, `status` and `cursor` not applied).",
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(500).optional().openapi({ description: "Search by meaning and words", example: "where can I park" }),
      botId: z.string().min(1).optional(),
      status: z.enum(["open", "handoff", "closed"]).optional().openapi({ description: "`handoff`: waiting for or taken over by a person" }),
      waiting: z.enum(["true", "false"]).optional().openapi({ description: "`true`: asked for a person and nobody has taken it over" }),
      channel: z.enum(["web", "sms", "whatsapp", "voice", "api"]).optional(),
      preview: z.enum(["exclude", "include", "only"]).optional().openapi({ description: "Admin try-it chats: left out by default" }),
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

const conversationParams = z.object({ id: idParam("id", "Conversation id") });
const ConversationSummary = conversationSchema.meta({ id: "ConversationSummary" });

export const replyToConversationSpec = createRoute({
  method: "post",
  path: "/conversations/{id}/replies",
  tags,
  summary: "Reply to the visitor as a person (operator)",
  description:
    "Stores a message with role `operator`; the visitor's widget shows it within a few seconds. Replying takes the conversation over (status `handoff`), so the bot stops answering until it is released.",
  request: { params: conversationParams, body: { required: true, content: { "application/json": { schema: operatorReplyInput } } } },
  responses: {
    201: { description: "The stored reply", content: { "application/json": { schema: messageSchema.meta({ id: "Message" }) } } },
    ...problems(400, 404, 422),
  },
});

export const takeOverConversationSpec = createRoute({
  method: "post",
  path: "/conversations/{id}/take-over",
  tags,
  summary: "Take the conversation over from the bot",
  description: "Status becomes `handoff` and the bot stops answering; the signed-in user (if any) becomes the assignee.",
  request: { params: conversationParams },
  responses: { 200: { description: "The conversation", content: { "application/json": { schema: ConversationSummary } } }, ...problems(404) },
});

export const releaseConversationSpec = createRoute({
  method: "post",
  path: "/conversations/{id}/release",
  tags,
  summary: "Hand the conversation back to the bot",
  description: "Status becomes `open`, the assignee and pending handoff request are cleared, and the bot answers again.",
  request: { params: conversationParams },
  responses: { 200: { description: "The conversation", content: { "application/json": { schema: ConversationSummary } } }, ...problems(404) },
});

export const closeConversationSpec = createRoute({
  method: "post",
  path: "/conversations/{id}/close",
  tags,
  summary: "Resolve (close) the conversation",
  description: "Status becomes `closed` and the pending handoff request and assignee are cleared. A new SMS or WhatsApp message reopens it.",
  request: { params: conversationParams },
  responses: { 200: { description: "The conversation", content: { "application/json": { schema: ConversationSummary } } }, ...problems(404) },
});

export const waitingConversationsSpec = createRoute({
  method: "get",
  path: "/conversations/waiting-count",
  tags,
  summary: "How many conversations wait for a person",
  description: "Asked for a person (status `handoff`) with nobody assigned; admin try-it chats are not counted.",
  responses: { 200: { description: "The count", content: { "application/json": { schema: waitingCountSchema.meta({ id: "WaitingCount" }) } } } },
});

export const similarConversationsSpec = createRoute({
  method: "get",
  path: "/conversations/{id}/similar",
  tags,
  summary: "Conversations closest in meaning to this one",
  description:
    "Other conversations of the organization whose visitor or caller messages are nearest to this conversation's (the mean of its message vectors); `score` is the best cosine similarity, `match` the closest message.",
  request: { params: conversationParams, query: z.object({ limit: z.coerce.number().int().min(1).max(50).optional() }) },
  responses: {
    200: { description: "Best first", content: { "application/json": { schema: conversationHitsSchema.meta({ id: "ConversationHits" }) } } },
    ...problems(404, 422),
  },
});
