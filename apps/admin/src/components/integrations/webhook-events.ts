import type { RouterInputs } from "@/lib/trpc";

export type WebhookEvent = RouterInputs["webhooks"]["create"]["events"][number];

/** Same list as the API's webhookEventTypes (the input type checks it stays in step). */
export const webhookEvents: WebhookEvent[] = [
  "conversation.created",
  "message.created",
  "lead.captured",
  "lead.qualified",
  "handoff.requested",
  "document.ready",
  "document.failed",
];
