import { z } from "zod";

/** OpenAI's limit for function names, which every provider accepts. */
export const toolNameSchema = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "must be 1–64 letters, digits, _ or -");

/** A tool a bot can enable: one action of a connected integration, or a custom action. */
export const toolSchema = z.object({
  name: toolNameSchema.describe("Name the model sees, e.g. calcom_book_meeting"),
  kind: z.enum(["integration", "custom_action"]),
  description: z.string(),
  /** JSON Schema of the arguments object. */
  parameters: z.record(z.string(), z.unknown()),
  integrationId: z.string().nullable().describe("Integration row id, for integration actions"),
  integrationType: z.string().nullable().describe("Registry id, e.g. calcom"),
  action: z.string().nullable().describe("Integration action name, e.g. book_meeting"),
  customActionId: z.string().nullable().describe("Custom action row id; null for file-based custom actions"),
  /** Where a custom action is defined: the database (admin/API) or a JSON file in FRONTDESK_ACTIONS_DIR. */
  origin: z.enum(["integration", "database", "file"]),
});
export type ToolView = z.infer<typeof toolSchema>;

export const toolListSchema = z.object({ data: z.array(toolSchema) });
export type ToolList = z.infer<typeof toolListSchema>;

export const setBotToolsInput = z.object({
  tools: z.array(toolNameSchema).max(64, "at most 64 tools per bot").describe("Tool names to enable; replaces the current set"),
});
export type SetBotToolsInput = z.input<typeof setBotToolsInput>;

export const botToolsSchema = z.object({
  botId: z.string(),
  /** Enabled tool names, alphabetically. */
  tools: z.array(z.string()),
  /** The enabled tools that still exist (an integration may have been disconnected since). */
  available: z.array(toolSchema),
});
export type BotToolsView = z.infer<typeof botToolsSchema>;

const isoDate = z.coerce.date({ error: "must be an ISO 8601 date-time" });

export const listToolCallsInput = z.object({
  botId: z.string().min(1).optional(),
  conversationId: z.string().min(1).optional(),
  toolName: z.string().min(1).optional(),
  /** Query strings carry "true"/"false". */
  ok: z.union([z.boolean(), z.stringbool()]).optional(),
  source: z.enum(["chat", "invoke", "voice"]).optional(),
  since: isoDate.optional().describe("Calls at or after this time"),
  until: isoDate.optional().describe("Calls before this time"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** id of the last call of the previous page (`nextCursor`). */
  cursor: z.string().min(1).optional(),
});
export type ListToolCallsInput = z.input<typeof listToolCallsInput>;

export const toolCallSchema = z.object({
  id: z.string(),
  botId: z.string().nullable(),
  conversationId: z.string().nullable(),
  integrationId: z.string().nullable(),
  customActionId: z.string().nullable(),
  toolName: z.string(),
  source: z.enum(["chat", "invoke", "voice"]),
  /** As the model sent them, with values under secret-looking keys replaced by "[redacted]". */
  arguments: z.unknown(),
  ok: z.boolean(),
  result: z.unknown(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  createdAt: z.string(),
});
export type ToolCallView = z.infer<typeof toolCallSchema>;

export const toolCallPageSchema = z.object({ data: z.array(toolCallSchema), nextCursor: z.string().nullable() });
export type ToolCallPage = z.infer<typeof toolCallPageSchema>;
