import { z } from "zod";
import { citationSchema } from "../conversations/schemas";

export const chatChannel = z.enum(["web", "sms", "whatsapp", "voice", "api"]);

export const chatInput = z.object({
  botId: z.string().min(1, "botId is required"),
  message: z.string().trim().min(1, "message is required").max(4000, "message is longer than 4000 characters"),
  conversationId: z.string().min(1).optional(),
  /** Anonymous id the widget keeps per browser; continuing a widget conversation requires the same one. */
  visitorId: z.string().trim().min(1).max(128).optional(),
  channel: chatChannel.default("api"),
});
export type ChatInput = z.input<typeof chatInput>;

/** Body of POST /api/v1/chat (the channel is implied by the transport). */
export const chatRequestBody = chatInput.omit({ channel: true });

/** Body of POST /api/widget/v1/chat (the bot comes from its public key). */
export const widgetChatRequestBody = z.object({
  message: chatInput.shape.message,
  conversationId: z.string().min(1).optional(),
  visitorId: z.string().trim().min(1, "visitorId is required").max(128),
});

export const chatResponseSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  message: z.string(),
  citations: z.array(citationSchema),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

export type ChatEvent =
  | { type: "token"; text: string }
  | ({ type: "done" } & ChatResponse);

export interface ChatStream {
  conversationId: string;
  userMessageId: string;
  /** Consume once. Errors are thrown from the iterator (as AppError); the user message is already stored. */
  events: AsyncIterable<ChatEvent>;
}
