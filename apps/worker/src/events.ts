import { eventSchemas } from "@frontdesk/core";
import { eventType } from "inngest";

/** Typed triggers for the events in @frontdesk/core's eventSchemas. */
export const crawlRequested = eventType("knowledge/crawl.requested", { schema: eventSchemas["knowledge/crawl.requested"] });
export const documentAdded = eventType("knowledge/document.added", { schema: eventSchemas["knowledge/document.added"] });
export const webhookDeliveryRequested = eventType("webhooks/delivery.requested", {
  schema: eventSchemas["webhooks/delivery.requested"],
});
export const reembedRequested = eventType("knowledge/knowledge-base.reembed-requested", {
  schema: eventSchemas["knowledge/knowledge-base.reembed-requested"],
});
export const vapiFilesSyncRequested = eventType("voice/vapi-files.sync-requested", { schema: eventSchemas["voice/vapi-files.sync-requested"] });
export const faqsAdded = eventType("knowledge/faqs.added", { schema: eventSchemas["knowledge/faqs.added"] });
export const channelMessageReceived = eventType("channels/message.received", { schema: eventSchemas["channels/message.received"] });
export const channelReplyRequested = eventType("channels/reply.requested", { schema: eventSchemas["channels/reply.requested"] });
export const leadQualifyRequested = eventType("leads/qualify.requested", { schema: eventSchemas["leads/qualify.requested"] });
export const leadQualified = eventType("leads/lead.qualified", { schema: eventSchemas["leads/lead.qualified"] });
export const escalationRequested = eventType("leads/escalation.requested", { schema: eventSchemas["leads/escalation.requested"] });
export const followUpRequested = eventType("leads/follow-up.requested", { schema: eventSchemas["leads/follow-up.requested"] });
export const leadEngaged = eventType("leads/conversation.engaged", { schema: eventSchemas["leads/conversation.engaged"] });
export const messageEmbedRequested = eventType("conversations/message.embed-requested", {
  schema: eventSchemas["conversations/message.embed-requested"],
});
export const conversationsReembedRequested = eventType("conversations/messages.reembed-requested", {
  schema: eventSchemas["conversations/messages.reembed-requested"],
});
export const turnAnswered = eventType("learning/turn.answered", { schema: eventSchemas["learning/turn.answered"] });
export const turnSentimentRequested = eventType("learning/turn.sentiment-requested", { schema: eventSchemas["learning/turn.sentiment-requested"] });
