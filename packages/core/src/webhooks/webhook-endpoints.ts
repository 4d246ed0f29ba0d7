import { randomBytes } from "node:crypto";
import type { WebhookEndpoint } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { maskSecret, seal, unseal } from "../secrets";
import {
  createWebhookEndpointInput,
  listDeliveriesInput,
  updateWebhookEndpointInput,
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpointInput,
  type ListDeliveriesInput,
  type UpdateWebhookEndpointInput,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from "./schemas";
import { toWebhookDeliveryView, toWebhookEndpointView } from "./views";

function view(ctx: ServiceContext, row: WebhookEndpoint): WebhookEndpointView {
  return toWebhookEndpointView(row, maskSecret(unseal(ctx.keyring, row.encryptedSecret, row.id)));
}

async function getEndpointOrThrow(ctx: ServiceContext, id: string): Promise<WebhookEndpoint> {
  const row = await ctx.prisma.webhookEndpoint.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

export async function listWebhookEndpoints(ctx: ServiceContext): Promise<WebhookEndpointView[]> {
  const rows = await ctx.prisma.webhookEndpoint.findMany({ where: { organizationId: ctx.organizationId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => view(ctx, row));
}

/** The signing secret is generated here and returned once; afterwards only a masked form is shown. */
export async function createWebhookEndpoint(ctx: ServiceContext, rawInput: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpoint> {
  const input = parseInput(createWebhookEndpointInput, rawInput);
  const signingSecret = `whsec_${randomBytes(32).toString("base64url")}`;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        organizationId: ctx.organizationId,
        url: input.url,
        description: input.description ?? null,
        events: [...new Set(input.events)],
        enabled: input.enabled ?? true,
        encryptedSecret: {},
        keyId: ctx.keyring.currentKeyId,
      },
    });
    const { envelope, keyId } = seal(ctx.keyring, signingSecret, created.id);
    return tx.webhookEndpoint.update({ where: { id: created.id }, data: { encryptedSecret: envelope, keyId } });
  });
  return { ...view(ctx, row), signingSecret };
}

export async function updateWebhookEndpoint(ctx: ServiceContext, id: string, rawInput: UpdateWebhookEndpointInput): Promise<WebhookEndpointView> {
  const input = parseInput(updateWebhookEndpointInput, rawInput);
  const row = await getEndpointOrThrow(ctx, id);
  const updated = await ctx.prisma.webhookEndpoint.update({
    where: { id: row.id },
    data: {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    },
  });
  return view(ctx, updated);
}

/** Its delivery log goes with it. */
export async function deleteWebhookEndpoint(ctx: ServiceContext, id: string): Promise<{ id: string; deleted: true }> {
  const row = await getEndpointOrThrow(ctx, id);
  await ctx.prisma.webhookEndpoint.delete({ where: { id: row.id } });
  return { id: row.id, deleted: true };
}

/** Newest first. */
export async function listWebhookDeliveries(ctx: ServiceContext, endpointId: string, rawInput: ListDeliveriesInput = {}): Promise<WebhookDeliveryView[]> {
  const input = parseInput(listDeliveriesInput, rawInput);
  const endpoint = await getEndpointOrThrow(ctx, endpointId);
  const rows = await ctx.prisma.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, organizationId: ctx.organizationId },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    include: { attemptLog: { orderBy: { attempt: "asc" } } },
  });
  return rows.map(toWebhookDeliveryView);
}
