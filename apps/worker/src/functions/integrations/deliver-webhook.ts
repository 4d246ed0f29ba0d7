import {
  attemptWebhookDelivery,
  markWebhookDeliveryFailed,
  webhookDeliveryRequestedData,
  type AppDeps,
  type IngestionDeps,
} from "@frontdesk/core";
import { NonRetriableError, RetryAfterError } from "inngest";
import { inngest } from "../../client";
import { webhookDeliveryRequested } from "../../events";

/** Attempts after the first (6 in all, with Inngest's exponential backoff) before a delivery is marked failed. */
export const WEBHOOK_RETRIES = 5;
/** Attempts one delivery gets in all, counted on its row, so a restart (which re-queues it) does not reset them. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRIES + 1;

export type WebhookWorkerDeps = IngestionDeps & Pick<AppDeps, "keyring">;

/**
 * webhooks/delivery.requested → one signed POST per attempt, each recorded on the WebhookDelivery row. 5xx,
 * 408, 429 and network errors are retried with Inngest's backoff (429/503 honour Retry-After); other 4xx are
 * final. When the retries run out, onFailure marks the delivery failed.
 */
export function createDeliverWebhook(deps: WebhookWorkerDeps) {
  return inngest.createFunction(
    {
      id: "deliver-webhook",
      name: "Deliver webhook",
      triggers: [webhookDeliveryRequested],
      retries: WEBHOOK_RETRIES,
      // A slow receiver must not get more than a few requests at once from one organization.
      concurrency: [{ key: "event.data.organizationId", limit: 5 }],
      onFailure: async ({ event, error }) => {
        const ref = webhookDeliveryRequestedData.parse(event.data.event.data);
        await markWebhookDeliveryFailed(deps, ref, error.message);
      },
    },
    async ({ event, step }) => {
      const ref = event.data;
      return step.run("deliver", async () => {
        const result = await attemptWebhookDelivery(deps, ref);
        if (result.outcome === "final") throw new NonRetriableError(result.error);
        if (result.outcome === "retry") {
          // A delivery resumed after a restart keeps the attempts it already made.
          if (result.attempts >= WEBHOOK_MAX_ATTEMPTS) throw new NonRetriableError(result.error);
          if (result.retryAfterSeconds) throw new RetryAfterError(result.error, result.retryAfterSeconds * 1000);
          throw new Error(result.error);
        }
        return result;
      });
    },
  );
}
