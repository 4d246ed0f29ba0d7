import { botSchema, createBotInput, updateBotInput } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { deletedSchema, idParam, problems } from "../problem-schemas";

const tags = ["Bots"];
const Bot = botSchema.meta({ id: "Bot" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const botParams = z.object({ id: idParam("id", "Bot id") });
const linkParams = botParams.extend({ kbId: idParam("kbId", "Knowledge base id") });

export const createBotSpec = createRoute({
  method: "post",
  path: "/bots",
  tags,
  summary: "Create a bot",
  description: "Gets a public widget key (`pk_…`). An empty `allowedOrigins` lets any page embed the widget.",
  request: { body: { required: true, content: { "application/json": { schema: createBotInput } } } },
  responses: { 201: json(Bot, "Created"), ...problems(400, 422) },
});

export const listBotsSpec = createRoute({
  method: "get",
  path: "/bots",
  tags,
  summary: "List bots",
  responses: { 200: json(z.object({ data: z.array(Bot) }), "Bots, oldest first"), ...problems() },
});

export const getBotSpec = createRoute({
  method: "get",
  path: "/bots/{id}",
  tags,
  summary: "Get a bot",
  request: { params: botParams },
  responses: { 200: json(Bot, "The bot"), ...problems(404) },
});

export const updateBotSpec = createRoute({
  method: "patch",
  path: "/bots/{id}",
  tags,
  summary: "Update a bot",
  description: "`answerSettings` replaces the stored settings as a whole.",
  request: { params: botParams, body: { required: true, content: { "application/json": { schema: updateBotInput } } } },
  responses: { 200: json(Bot, "Updated"), ...problems(400, 404, 422) },
});

export const deleteBotSpec = createRoute({
  method: "delete",
  path: "/bots/{id}",
  tags,
  summary: "Delete a bot and its conversations",
  request: { params: botParams },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404) },
});

export const linkKnowledgeBaseSpec = createRoute({
  method: "put",
  path: "/bots/{id}/knowledge-bases/{kbId}",
  tags,
  summary: "Let the bot answer from a knowledge base (idempotent)",
  request: { params: linkParams },
  responses: { 200: json(Bot, "The bot with its knowledge bases"), ...problems(404) },
});

export const unlinkKnowledgeBaseSpec = createRoute({
  method: "delete",
  path: "/bots/{id}/knowledge-bases/{kbId}",
  tags,
  summary: "Stop answering from a knowledge base (idempotent)",
  request: { params: linkParams },
  responses: { 200: json(Bot, "The bot with its knowledge bases"), ...problems(404) },
});
