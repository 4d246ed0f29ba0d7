import { z } from "zod";
import { conversationMatchSchema, conversationSchema, listConversationsInput } from "../schemas";

export const searchConversationsInput = z.object({
  /** What to look for, by meaning and by words. */
  q: listConversationsInput.shape.q.unwrap(),
  botId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchConversationsInput = z.input<typeof searchConversationsInput>;

export const similarConversationsInput = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SimilarConversationsInput = z.input<typeof similarConversationsInput>;


export const conversationHitSchema = conversationSchema.extend({
  /** Higher is closer (fused rank for a search, cosine similarity for similar conversations). */
  score: z.number(),
  match: conversationMatchSchema,
});
export type ConversationHit = z.infer<typeof conversationHitSchema>;
export const conversationHitsSchema = z.object({ data: z.array(conversationHitSchema) });
export type ConversationHits = z.infer<typeof conversationHitsSchema>;

export const searchContactsInput = searchConversationsInput;
export type SearchContactsInput = z.input<typeof searchContactsInput>;

/** A person the organization talked to: a lead when one was captured, else the conversation's visitor. */
export const contactHitSchema = z.object({
  /** The lead's id, or `visitor:<channel>:<visitorId>` for a visitor without a lead. */
  id: z.string(),
  leadId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  visitorId: z.string().nullable(),
  channel: conversationSchema.shape.channel,
  /** Their best conversation's score. */
  score: z.number(),
  /** Their matching conversations, best first. */
  conversationIds: z.array(z.string()),
  match: conversationMatchSchema,
});
export type ContactHit = z.infer<typeof contactHitSchema>;
export const contactHitsSchema = z.object({ data: z.array(contactHitSchema) });
export type ContactHits = z.infer<typeof contactHitsSchema>;
