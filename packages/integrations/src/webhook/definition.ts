import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import type { ActionContext } from "../types";
import { deliverWebhook } from "./deliver-webhook";

export const webhookConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).describe("Endpoint that receives signed POSTs"),
  secret: z.string().min(16).meta({ writeOnly: true }).describe("Shared secret for X-Frontdesk-Signature"),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

const sendEvent = defineAction({
  name: "send_webhook",
  description: "Send a structured event (e.g. a captured lead or a handoff request) to the owner's webhook endpoint.",
  input: z.object({
    event: z.string().regex(/^[a-z0-9_.]+$/).max(64).describe("Event name, e.g. lead.created"),
    data: z.record(z.string(), z.unknown()).describe("Event payload"),
  }),
  async execute(input, ctx: ActionContext<WebhookConfig>) {
    const delivery = await deliverWebhook({ url: ctx.config.url, secret: ctx.config.secret, event: input.event, payload: input.data, signal: ctx.signal, allowPrivateNetworks: ctx.allowPrivateNetworks });
    return { delivered: true, deliveryId: delivery.deliveryId };
  },
});

export const webhookIntegration = defineIntegration<WebhookConfig>({
  id: "webhook",
  name: "Outbound webhook",
  description: "POSTs signed JSON events to your endpoint (X-Frontdesk-Signature, HMAC-SHA256).",
  configSchema: webhookConfigSchema,
  async testConnection(config, ctx) {
    await deliverWebhook({ url: config.url, secret: config.secret, event: "ping", payload: {}, signal: ctx.signal, allowPrivateNetworks: ctx.allowPrivateNetworks });
    return { ok: true };
  },
  actions: [sendEvent],
});
