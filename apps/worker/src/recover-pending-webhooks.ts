import { findPendingWebhookDeliveries, markWebhookDeliveryFailed, type AppDeps } from "@frontdesk/core";
import type { WorkerEventBus } from "./event-bus";
import { WEBHOOK_MAX_ATTEMPTS } from "./functions";

/**
 * Like recoverStuckDocuments, for outbound webhooks: the in-process queue and its retry timers live in memory, so
 * deliveries still pending (never tried, or waiting for a retry) when the last process stopped are queued again
 * at start. One whose attempts are already used up (the process died before marking it) is marked failed instead.
 * Inngest keeps its own durable runs, so nothing is re-sent in that mode.
 */
export async function recoverPendingWebhookDeliveries(
  deps: Pick<AppDeps, "prisma" | "logger"> & { events: WorkerEventBus },
): Promise<number> {
  if (deps.events.mode !== "in-process") return 0;
  const pending = await findPendingWebhookDeliveries(deps);
  const exhausted = pending.filter((delivery) => delivery.attempts >= WEBHOOK_MAX_ATTEMPTS);
  for (const delivery of exhausted) await markWebhookDeliveryFailed(deps, delivery, "retries exhausted before a restart");
  const resumable = pending.filter((delivery) => delivery.attempts < WEBHOOK_MAX_ATTEMPTS);
  if (resumable.length === 0) return 0;
  await deps.events.send(
    resumable.map(({ organizationId, deliveryId }) => ({
      name: "webhooks/delivery.requested" as const,
      id: `webhook-delivery-${deliveryId}`,
      data: { organizationId, deliveryId },
    })),
  );
  deps.logger.info({ count: resumable.length }, "re-queued webhook deliveries left pending by the previous run");
  return resumable.length;
}
