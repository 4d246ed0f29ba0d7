import { randomUUID } from "node:crypto";
import { IntegrationError, parseRetryAfter } from "../errors";
import { assertPublicDestination } from "../net/assert-public-destination";
import { publicOnlyFetch } from "../net/public-only-fetch";
import { webhookHeaders } from "../signing";

export interface WebhookDelivery {
  deliveryId: string;
  status: number;
}

/** One signed POST; the caller (a job) owns retries, using `retryAfterSeconds` on 429/503. */
export async function deliverWebhook(opts: {
  url: string;
  secret: string | readonly string[];
  event: string;
  payload: unknown;
  deliveryId?: string;
  signal?: AbortSignal;
  allowPrivateNetworks?: boolean;
}): Promise<WebhookDelivery> {
  if (!opts.allowPrivateNetworks) await assertPublicDestination(new URL(opts.url).hostname, "webhook");
  const deliveryId = opts.deliveryId ?? randomUUID();
  const body = JSON.stringify({ id: deliveryId, event: opts.event, createdAt: new Date().toISOString(), data: opts.payload });
  // The connection itself is checked too, so a DNS answer that changes after the check above cannot reach inside.
  const send = opts.allowPrivateNetworks ? fetch : publicOnlyFetch("webhook");
  let response: Response;
  try {
    response = await send(opts.url, {
      method: "POST",
      headers: webhookHeaders({ secret: opts.secret, body, event: opts.event, deliveryId }),
      body,
      redirect: "manual",
      signal: opts.signal ?? AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof IntegrationError && cause.code === "blocked_destination") throw cause;
    throw new IntegrationError({ provider: "webhook", message: `Webhook delivery failed: ${(error as Error).message}` });
  }
  await response.body?.cancel();
  if (!response.ok) {
    throw new IntegrationError({
      provider: "webhook",
      status: response.status,
      message: `Webhook endpoint answered ${response.status}`,
      retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
    });
  }
  return { deliveryId, status: response.status };
}
