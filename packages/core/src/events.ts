import { z } from "zod";

/** Event payloads, validated where they enter the system. Names follow domain/noun.verb. */
export const documentAddedData = z.object({
  organizationId: z.string(),
  knowledgeBaseId: z.string(),
  documentId: z.string(),
});

/** Many FAQ documents of one knowledge base, ingested together (one embedding call per batch, one store). */
export const faqsAddedData = z.object({
  organizationId: z.string(),
  knowledgeBaseId: z.string(),
  documentIds: z.array(z.string()).min(1).max(500),
});

/** One recorded WebhookDelivery to POST (see emitDomainEvent); the worker's deliver-webhook function runs it. */
export const webhookDeliveryRequestedData = z.object({
  organizationId: z.string(),
  deliveryId: z.string(),
});

/** A website crawl to run (see startCrawl); the worker's crawl-website function runs it. */
export const crawlRequestedData = z.object({
  organizationId: z.string(),
  knowledgeBaseId: z.string(),
  crawlId: z.string(),
});

/** A knowledge base moves to another embedding model (KnowledgeBase.nextEmbeddingModel = model). */
export const reembedRequestedData = z.object({
  organizationId: z.string(),
  knowledgeBaseId: z.string(),
  model: z.string(),
});

/** A verified inbound SMS/WhatsApp message for a bot (see receiveTwilioMessage); handled by the worker. */
export const channelMessageReceivedData = z.object({
  organizationId: z.string(),
  botId: z.string(),
  integrationId: z.string(),
  /** One conversation per bot, channel and phone number: runs for the same key go one at a time, in order. */
  conversationKey: z.string(),
  message: z.object({
    messageSid: z.string().min(1),
    channel: z.enum(["sms", "whatsapp"]),
    from: z.string().min(1),
    to: z.string().min(1),
    body: z.string(),
    numMedia: z.number().int().nonnegative(),
    profileName: z.string().optional(),
  }),
});

/** A stored bot or operator message to send out on its conversation's channel (SMS, WhatsApp). */
export const channelReplyRequestedData = z.object({
  organizationId: z.string(),
  messageId: z.string(),
});

/** A conversation got a new visitor message or contact details: re-score its lead (see qualifyConversation). */
export const leadQualifyRequestedData = z.object({
  organizationId: z.string(),
  conversationId: z.string(),
});

/** A lead's tier changed (the LeadQualificationChange `changeId`); turning hot sets off the owner's alerts. */
export const leadQualifiedData = z.object({
  organizationId: z.string(),
  leadId: z.string(),
  changeId: z.string(),
  tier: z.enum(["hot", "warm", "cold"]),
  previousTier: z.enum(["hot", "warm", "cold"]).nullable(),
});

/** A conversation now waits for a person (requestHandoff): the owner gets the escalation email. */
export const escalationRequestedData = z.object({
  organizationId: z.string(),
  conversationId: z.string(),
  /** When the handoff was requested: one escalation email per request. */
  requestedAt: z.string(),
  /** asked: the visitor asked for a person; unanswered: the bot found nothing for several questions in a row. */
  reason: z.enum(["asked", "unanswered"]).optional(),
});

/** A stored visitor or caller message to embed for search over conversations (see requestMessageEmbedding). */
export const messageEmbedRequestedData = z.object({
  organizationId: z.string(),
  messageId: z.string(),
});

/** A bot's conversation messages to (re-)embed with its current model (its knowledge base moved to another one). */
export const conversationsReembedRequestedData = z.object({
  organizationId: z.string(),
  botId: z.string(),
});

/** The bot answered a visitor: start its follow-up sequence (stopped by leads/conversation.engaged). */
export const followUpRequestedData = z.object({
  organizationId: z.string(),
  conversationId: z.string(),
  /** The bot's answer the sequence follows: one sequence per answer. */
  afterMessageId: z.string(),
});

/** The visitor wrote again or booked: waiting follow-up sequences of the conversation stop. */
export const leadEngagedData = z.object({
  organizationId: z.string(),
  conversationId: z.string(),
  reason: z.enum(["replied", "booked"]),
});

/** A bot's knowledge files are to be brought in line with its Vapi file store (see syncVapiFiles). */
export const vapiFilesSyncRequestedData = z.object({
  organizationId: z.string(),
  botId: z.string(),
});

/**
 * A chat turn was answered (or declined): the learning loop records it (failed retrievals, judging the previous
 * answer, learned mappings) in the background, off the visitor's reply path (see requestTurnLearning).
 */
export const turnAnsweredData = z.object({
  organizationId: z.string(),
  botId: z.string(),
  conversationId: z.string(),
  questionMessageId: z.string(),
  question: z.string(),
  knowledgeBaseIds: z.array(z.string()),
  sourceCount: z.number().int().nonnegative(),
  cited: z.array(z.object({ documentId: z.string(), content: z.string() })),
  answerMessageId: z.string(),
  appliedExpansionIds: z.array(z.string()),
});

/** A visitor or caller turn classified by the rules is to be read by the organization's model (see refineTurnSentiment). */
export const turnSentimentRequestedData = z.object({
  organizationId: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
});

export const eventSchemas = {
  "learning/turn.sentiment-requested": turnSentimentRequestedData,
  "voice/vapi-files.sync-requested": vapiFilesSyncRequestedData,
  "leads/follow-up.requested": followUpRequestedData,
  "leads/conversation.engaged": leadEngagedData,
  "conversations/message.embed-requested": messageEmbedRequestedData,
  "conversations/messages.reembed-requested": conversationsReembedRequestedData,
  "leads/escalation.requested": escalationRequestedData,
  "learning/turn.answered": turnAnsweredData,
  "leads/qualify.requested": leadQualifyRequestedData,
  "leads/lead.qualified": leadQualifiedData,
  "channels/message.received": channelMessageReceivedData,
  "channels/reply.requested": channelReplyRequestedData,
  "knowledge/document.added": documentAddedData,
  "knowledge/crawl.requested": crawlRequestedData,
  "knowledge/faqs.added": faqsAddedData,
  "webhooks/delivery.requested": webhookDeliveryRequestedData,
  "knowledge/knowledge-base.reembed-requested": reembedRequestedData,
} as const;

export type EventName = keyof typeof eventSchemas;
export type FrontdeskEvent = {
  [K in EventName]: { name: K; data: z.infer<(typeof eventSchemas)[K]>; id?: string };
}[EventName];

/**
 * Where services send background work. Implemented in apps/worker: Inngest when configured, otherwise an
 * in-process executor that honours the same step contract.
 */
export interface EventBus {
  send(events: FrontdeskEvent | FrontdeskEvent[]): Promise<void>;
}
