import type { AppDeps } from "../context";
import type { WebhookEventType } from "./schemas";

/** What emitDomainEvent needs: works from a request's ServiceContext and from worker functions alike. */
export type DomainEventContext = Pick<AppDeps, "prisma" | "events" | "logger"> & { organizationId: string };

/** The organization's enabled endpoints and the event types each takes, read once for several events. */
export type WebhookSubscriptions = Promise<readonly { id: string; events: readonly string[] }[]>;

/**
 * Reads the organization's enabled webhook endpoints now, for every event a request emits after (a chat turn emits
 * up to three): one statement instead of one per event. A failure surfaces in each emitDomainEvent given it (logged there).
 */
export function readWebhookSubscriptions(ctx: DomainEventContext): WebhookSubscriptions {
  const read = ctx.prisma.webhookEndpoint.findMany({ where: { organizationId: ctx.organizationId, enabled: true }, select: { id: true, events: true } });
  // A Prisma query runs once something awaits it: this starts it, and keeps a failure from going unhandled.
  read.catch(() => undefined);
  return read;
}

/**
 * Records one WebhookDelivery per enabled endpoint of the organization subscribed to `type` and queues each for
 * delivery (`webhooks/delivery.requested`, run by the worker's deliver-webhook function). Never throws: a failure
 * to record webhooks must not fail the chat message or document that caused it; it is logged instead.
 * Returns the delivery ids. `subscriptions` (readWebhookSubscriptions) are the endpoints read earlier in the same request.
 */
export async function emitDomainEvent(
  ctx: DomainEventContext,
  type: WebhookEventType,
  payload: Record<string, unknown>,
  subscriptions?: WebhookSubscriptions,
): Promise<string[]> {
  try {
    const endpoints = subscriptions
      ? (await subscriptions).filter((endpoint) => endpoint.events.includes(type))
      : await ctx.prisma.webhookEndpoint.findMany({
          where: { organizationId: ctx.organizationId, enabled: true, events: { has: type } },
          select: { id: true },
        });
    if (endpoints.length === 0) return [];
    const deliveries = await ctx.prisma.webhookDelivery.createManyAndReturn({
      data: endpoints.map((endpoint) => ({
        organizationId: ctx.organizationId,
        endpointId: endpoint.id,
        event: type,
        payload: payload as object,
      })),
      select: { id: true },
    });
    await ctx.events.send(
      deliveries.map((delivery) => ({
        name: "webhooks/delivery.requested" as const,
        // The delivery id doubles as the event id, so a duplicate send is deduplicated by Inngest.
        id: `webhook-delivery-${delivery.id}`,
        data: { organizationId: ctx.organizationId, deliveryId: delivery.id },
      })),
    );
    return deliveries.map((delivery) => delivery.id);
  } catch (error) {
    ctx.logger.warn({ err: error, organizationId: ctx.organizationId, event: type }, "could not queue webhook deliveries");
    return [];
  }
}
