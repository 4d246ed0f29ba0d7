import { botToolsSchema, setBotToolsInput, toolCallPageSchema, toolListSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Tools"];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const BotTools = botToolsSchema.meta({ id: "BotTools" });

export const listToolsSpec = createRoute({
  method: "get",
  path: "/tools",
  tags,
  summary: "List the tools bots can enable",
  description:
    "Each action of every enabled integration (`<type>_<action>`, e.g. `calcom_book_meeting`) and every enabled custom action " +
    "(database or FRONTDESK_ACTIONS_DIR file), with the JSON Schema of its arguments.",
  responses: { 200: json(toolListSchema.meta({ id: "ToolList" }), "Tools"), ...problems() },
});

const botParams = z.object({ id: idParam("id", "Bot id") });

export const getBotToolsSpec = createRoute({
  method: "get",
  path: "/bots/{id}/tools",
  tags,
  summary: "The tools a bot may call",
  description: "`tools` are the enabled names; `available` the enabled tools that still exist (with schemas).",
  request: { params: botParams },
  responses: { 200: json(BotTools, "Enabled tools"), ...problems(404) },
});

export const setBotToolsSpec = createRoute({
  method: "put",
  path: "/bots/{id}/tools",
  tags,
  summary: "Replace the tools a bot may call",
  description: "Every name must come from `GET /tools`; an empty list turns tool calling off for the bot.",
  request: { params: botParams, body: { required: true, content: { "application/json": { schema: setBotToolsInput } } } },
  responses: { 200: json(BotTools, "Enabled tools"), ...problems(404, 422) },
});

export const listToolCallsSpec = createRoute({
  method: "get",
  path: "/tool-calls",
  tags,
  summary: "The tool-call log, newest first",
  description: "Every execution (chat, invoke, voice) with arguments (secret-looking keys redacted), outcome and duration.",
  request: {
    query: z.object({
      botId: z.string().min(1).optional(),
      conversationId: z.string().min(1).optional(),
      toolName: z.string().min(1).optional(),
      ok: z.enum(["true", "false"]).optional().openapi({ description: "Only successful (true) or failed (false) calls" }),
      source: z.enum(["chat", "invoke", "voice"]).optional(),
      since: z.string().optional().openapi({ description: "ISO 8601; calls at or after this time", example: "2026-11-01T00:00:00Z" }),
      until: z.string().optional().openapi({ description: "ISO 8601; calls before this time" }),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().min(1).optional().openapi({ description: "`nextCursor` of the previous page" }),
    }),
  },
  responses: { 200: json(toolCallPageSchema.meta({ id: "ToolCallPage" }), "A page"), ...problems(422) },
});
