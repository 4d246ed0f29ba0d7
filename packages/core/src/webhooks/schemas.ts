import { z } from "zod";

/** Every event an endpoint can subscribe to. */
export const webhookEventTypes = [
  "conversation.created",
  "message.created",
  "lead.captured",
  "lead.qualified",
  "handoff.requested",
  "document.ready",
  "document.failed",
  "call.ended",
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);
const events = z.array(webhookEventTypeSchema).min(1, "subscribe to at least one event").max(webhookEventTypes.length);

export const createWebhookEndpointInput = z.object({
  url,
  description: z.string().trim().max(500).optional(),
  events,
  enabled: z.boolean().optional(),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInput>;

export const updateWebhookEndpointInput = z
  .object({
    url: url.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    events: events.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointInput>;

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  /** Masked signing secret ("••••abcd"); the full secret is shown once, at creation. */
  secret: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({
  /** The signing secret (whsec_…): returned only here. Verify X-Frontdesk-Signature with it. */
  signingSecret: z.string(),
});
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  event: z.string(),
  payload: z.unknown(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deliveredAt: z.string().nullable(),
  /** Every POST so far, oldest first. */
  attemptLog: z.array(
    z.object({
      attempt: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
      at: z.string(),
    }),
  ),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const listDeliveriesInput = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;
