export * from "./schemas";
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from "./webhook-endpoints";
export { emitDomainEvent, type DomainEventContext } from "./emit-domain-event";
export { attemptWebhookDelivery, markWebhookDeliveryFailed, type AttemptOutcome, type DeliveryRef } from "./attempt-delivery";
export { findPendingWebhookDeliveries, type PendingDelivery } from "./find-pending-deliveries";
export { emitDocumentOutcome } from "./emit-document-outcome";
export { emitConversationCreated, emitMessageCreated } from "./emit-chat-events";
