import { z } from "zod";
import { answerModeSchema } from "../answer-model/schemas";
import { citationSchema } from "../conversations/schemas";
import { visitorMessageSchema } from "../conversations/visitor-message";
import { timeZoneSchema } from "../leads/booking/time-zone";
import { visitorContactSchema } from "../leads/schemas";
import { recordId } from "../record-id";

export const chatChannel = z.enum(["web", "sms", "whatsapp", "voice", "api"]);

export const chatInput = z.object({
  botId: z.string().min(1, "botId is required"),
  message: z.string().trim().min(1, "message is required").max(4000, "message is longer than 4000 characters"),
  conversationId: z.string().min(1).optional(),
  /** Anonymous id the widget keeps per browser; continuing a widget conversation requires the same one. */
  visitorId: z.string().trim().min(1).max(128).optional(),
  channel: chatChannel.default("api"),
  /** Who the visitor says they are (widget `Frontdesk.identify`); stored as the conversation's Lead. */
  visitor: visitorContactSchema.optional(),
  /** The visitor pressed "Talk to a person": hand off whatever the message says. */
  requestHandoff: z.boolean().optional(),
  /** The visitor's IANA time zone (the widget sends the browser's): booking offers slots in it. */
  timeZone: timeZoneSchema.optional(),
});
export type ChatInput = z.input<typeof chatInput>;

/** Body of POST /api/v1/chat (the channel is implied by the transport). */
export const chatRequestBody = chatInput.omit({ channel: true });

/** Body of POST /api/widget/v1/chat (the bot comes from its public key). */
export const widgetChatRequestBody = z.object({
  message: chatInput.shape.message,
  conversationId: recordId.optional(),
  visitorId: z.string().trim().min(1, "visitorId is required").max(128),
  visitor: visitorContactSchema.optional(),
  requestHandoff: z.boolean().optional(),
  // The widget sends what the browser reports: a zone this server does not know is dropped, not a failed chat.
  timeZone: chatInput.shape.timeZone.catch(undefined),
});

export const chatResponseSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  message: z.string(),
  citations: z.array(citationSchema),
  /** The conversation's status after this turn: `handoff` while a person is asked for or has taken over. */
  status: z.enum(["open", "handoff", "closed"]).optional(),
  /** Messages the server added after the answer, e.g. a lead form (`form` set). */
  followUps: z.array(visitorMessageSchema).optional(),
  /** How this answer was written: by a language model, or extracted from the sources (absent on handoff turns). */
  answerMode: answerModeSchema.optional(),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

/** Tokens the model used for one answer (tool rounds added up); absent when no model wrote it. */
export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

/** `usage` rides on `done` for transports that report it (the OpenAI-compatible endpoint); it is not wire shape. */
export type ChatEvent =
  | { type: "token"; text: string }
  | ({ type: "done"; usage?: ChatUsage } & ChatResponse);

export interface ChatStream {
  conversationId: string;
  userMessageId: string;
  /** Consume once. Errors are thrown from the iterator (as AppError); the user message is already stored. */
  events: AsyncIterable<ChatEvent>;
}
