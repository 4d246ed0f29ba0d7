import { z } from "zod";

/** Same shape as @frontdesk/rag's Citation; stored in Message.citations. */
export const citationSchema = z.object({
  index: z.number().int(),
  chunkId: z.string(),
  documentId: z.string(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
});
export type CitationView = z.infer<typeof citationSchema>;

export const listConversationsInput = z.object({
  /** Search by meaning and words instead of listing: best match first, one page (see searchConversations). */
  q: z.string().trim().min(1, "q is required").max(500, "q is longer than 500 characters").optional(),
  botId: z.string().min(1).optional(),
  /** e.g. `handoff`: the conversations waiting for (or taken over by) a person. */
  status: z.enum(["open", "handoff", "closed"]).optional(),
  /** `waiting`: asked for a person and nobody has taken it over yet (what the navigation counts). */
  waiting: z.enum(["true", "false"]).optional(),
  channel: z.enum(["web", "sms", "whatsapp", "voice", "api"]).optional(),
  /** Admin try-it chats: left out (`exclude`, default), `include`d, or `only` them. */
  preview: z.enum(["exclude", "include", "only"]).default("exclude"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** id of the last conversation of the previous page (`nextCursor`). */
  cursor: z.string().min(1).optional(),
});
export type ListConversationsInput = z.input<typeof listConversationsInput>;

export const conversationSchema = z.object({
  id: z.string(),
  botId: z.string(),
  channel: z.enum(["web", "sms", "whatsapp", "voice", "api"]),
  visitorId: z.string().nullable(),
  status: z.enum(["open", "handoff", "closed"]),
  /** When a person was asked for; null when no handoff is pending. */
  handoffRequestedAt: z.string().nullable(),
  /** The member who took the conversation over. */
  assigneeId: z.string().nullable(),
  messageCount: z.number().int(),
  /** An admin try-it chat rather than a visitor's. */
  preview: z.boolean(),
  /** The conversation's lead (who the visitor is), when there is one. */
  lead: z
    .object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), tier: z.enum(["hot", "warm", "cold"]).nullable() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastMessageAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationSchema>;

export const messageSchema = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant", "system", "tool", "operator"]),
  content: z.string(),
  citations: z.array(citationSchema),
  latencyMs: z.number().int().nullable(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  /** Message kind and extras, e.g. { type: "lead_form", fields, requiredFields, submittedAt }. */
  metadata: z.record(z.string(), z.unknown()),
  /** The member who wrote an operator message. */
  authorUserId: z.string().nullable(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageSchema>;

/** The visitor or caller message that made a conversation match a search. */
export const conversationMatchSchema = z.object({ messageId: z.string(), content: z.string(), createdAt: z.string() });

export const conversationPageSchema = z.object({
  /** With `q`: each also has `score` (higher is closer) and `match` (the message that matched). */
  data: z.array(conversationSchema.extend({ score: z.number().optional(), match: conversationMatchSchema.optional() })),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

export const conversationWithMessagesSchema = conversationSchema.extend({ messages: z.array(messageSchema) });
export type ConversationWithMessages = z.infer<typeof conversationWithMessagesSchema>;

export const waitingCountSchema = z.object({ waiting: z.number().int() });
export type WaitingCount = z.infer<typeof waitingCountSchema>;
