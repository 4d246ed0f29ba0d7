import { deliverWebhook, IntegrationError } from "@frontdesk/integrations";
import type { AppDeps } from "../context";
import { unseal } from "../secrets";

export interface DeliveryRef {
  organizationId: string;
  deliveryId: string;
}

/**
 * delivered: 2xx. retry: worth trying again (5xx, 408, 429, network errors, timeouts). final: the endpoint refused
 * for good (other 4xx, blocked destination, endpoint gone or disabled): the delivery is already marked failed.
 */
export type AttemptOutcome =
  | { outcome: "delivered"; status: number; attempts: number }
  | { outcome: "retry"; error: string; status: number | null; attempts: number; retryAfterSeconds?: number }
  | { outcome: "final"; error: string; status: number | null; attempts: number }
  | { outcome: "skipped"; reason: string };

const DELIVERY_TIMEOUT_MS = 10_000;

/** One attempt of one webhook delivery, recorded on its row (attempts, status code, error, duration). */
export async function attemptWebhookDelivery(
  deps: Pick<AppDeps, "prisma" | "keyring" | "config">,
  ref: DeliveryRef,
): Promise<AttemptOutcome> {
  const delivery = await deps.prisma.webhookDelivery.findFirst({
    where: { id: ref.deliveryId, organizationId: ref.organizationId },
    include: { endpoint: true },
  });
  if (!delivery) return { outcome: "skipped", reason: "delivery not found" };
  if (delivery.status !== "pending") return { outcome: "skipped", reason: `delivery already ${delivery.status}` };
  const attempts = delivery.attempts + 1;
  if (!delivery.endpoint.enabled) {
    await deps.prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "failed", lastError: "endpoint disabled" },
    });
    return { outcome: "final", error: "endpoint disabled", status: null, attempts: delivery.attempts };
  }

  const startedAt = performance.now();
  let result: AttemptOutcome;
  try {
    const response = await deliverWebhook({
      url: delivery.endpoint.url,
      secret: String(unseal(deps.keyring, delivery.endpoint.encryptedSecret, delivery.endpoint.id)),
      event: delivery.event,
      payload: delivery.payload,
      deliveryId: delivery.id,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      allowPrivateNetworks: deps.config.ALLOW_PRIVATE_NETWORK_FETCH,
    });
    result = { outcome: "delivered", status: response.status, attempts };
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    const status = error.status ?? null;
    const message = `${error.message} (attempt ${attempts})`;
    const final = error.code === "blocked_destination" || (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429);
    result = final
      ? { outcome: "final", error: message, status, attempts }
      : { outcome: "retry", error: message, status, attempts, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  }
  const durationMs = Math.round(performance.now() - startedAt);
  await deps.prisma.webhookDeliveryAttempt.create({
    data: {
      organizationId: ref.organizationId,
      deliveryId: delivery.id,
      attempt: attempts,
      statusCode: "status" in result ? result.status : null,
      error: "error" in result ? result.error.slice(0, 1000) : null,
      durationMs,
    },
  });
  await deps.prisma.webhookDelivery.update({
    where: { id: delivery.id },
    data:
      result.outcome === "delivered"
        ? { status: "succeeded", attempts, lastStatusCode: result.status, durationMs, deliveredAt: new Date() }
        : {
            ...(result.outcome === "final" ? { status: "failed" as const } : {}),
            attempts,
            lastStatusCode: "status" in result ? result.status : null,
            lastError: "error" in result ? result.error.slice(0, 1000) : null,
            durationMs,
          },
  });
  return result;
}

/** After the last retry: a delivery still pending is marked failed (its last error stays). */
export async function markWebhookDeliveryFailed(deps: Pick<AppDeps, "prisma">, ref: DeliveryRef, reason: string): Promise<boolean> {
  const { count } = await deps.prisma.webhookDelivery.updateMany({
    where: { id: ref.deliveryId, organizationId: ref.organizationId, status: "pending" },
    data: { status: "failed" },
  });
  if (count > 0 && reason) {
    await deps.prisma.webhookDelivery.updateMany({
      where: { id: ref.deliveryId, organizationId: ref.organizationId, lastError: null },
      data: { lastError: reason.slice(0, 1000) },
    });
  }
  return count > 0;
}
