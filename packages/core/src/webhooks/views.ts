import type { WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint } from "@frontdesk/db";
import type { WebhookDeliveryView, WebhookEndpointView } from "./schemas";

export function toWebhookEndpointView(row: WebhookEndpoint, maskedSecret: string): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    secret: maskedSecret,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryView(row: WebhookDelivery & { attemptLog: WebhookDeliveryAttempt[] }): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    event: row.event,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    attemptLog: row.attemptLog.map((attempt) => ({
      attempt: attempt.attempt,
      statusCode: attempt.statusCode,
      error: attempt.error,
      durationMs: attempt.durationMs,
      at: attempt.createdAt.toISOString(),
    })),
  };
}
