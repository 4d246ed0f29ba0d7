import type { AppDeps } from "../context";
import type { DeliveryRef } from "./attempt-delivery";

export interface PendingDelivery extends DeliveryRef {
  /** Attempts already made (0 = never tried; more = it was waiting for a retry). */
  attempts: number;
}

/**
 * Deliveries not yet succeeded or failed: never attempted, or waiting for a retry, when the process that owned
 * them stopped. Oldest first, so receivers see events in the order they happened.
 */
export async function findPendingWebhookDeliveries(deps: Pick<AppDeps, "prisma">): Promise<PendingDelivery[]> {
  const rows = await deps.prisma.webhookDelivery.findMany({
    where: { status: "pending" },
    select: { id: true, organizationId: true, attempts: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ organizationId: row.organizationId, deliveryId: row.id, attempts: row.attempts }));
}
