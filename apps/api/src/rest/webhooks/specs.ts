import {
  createdWebhookEndpointSchema,
  createWebhookEndpointInput,
  listDeliveriesInput,
  updateWebhookEndpointInput,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { deletedSchema, idParam, problems } from "../problem-schemas";

const tags = ["Webhooks"];
const Endpoint = webhookEndpointSchema.meta({ id: "WebhookEndpoint" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const params = z.object({ id: idParam("id", "Webhook endpoint id") });

export const listWebhooksSpec = createRoute({
  method: "get",
  path: "/webhooks",
  tags,
  summary: "List webhook endpoints",
  responses: { 200: json(z.object({ data: z.array(Endpoint) }), "Endpoints, oldest first"), ...problems() },
});

export const createWebhookSpec = createRoute({
  method: "post",
  path: "/webhooks",
  tags,
  summary: "Add a webhook endpoint",
  description:
    "Events: conversation.created, message.created, lead.captured, lead.qualified, handoff.requested, document.ready, document.failed. Each delivery is a signed POST (`X-Frontdesk-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>`, `X-Frontdesk-Event`, `X-Frontdesk-Delivery`), retried with backoff on 5xx/408/429/network errors. `signingSecret` is returned only in this response.",
  request: { body: { required: true, content: { "application/json": { schema: createWebhookEndpointInput } } } },
  responses: { 201: json(createdWebhookEndpointSchema.meta({ id: "CreatedWebhookEndpoint" }), "Created"), ...problems(400, 422) },
});

export const updateWebhookSpec = createRoute({
  method: "patch",
  path: "/webhooks/{id}",
  tags,
  summary: "Update a webhook endpoint",
  request: { params, body: { required: true, content: { "application/json": { schema: updateWebhookEndpointInput } } } },
  responses: { 200: json(Endpoint, "Updated"), ...problems(400, 404, 422) },
});

export const deleteWebhookSpec = createRoute({
  method: "delete",
  path: "/webhooks/{id}",
  tags,
  summary: "Delete a webhook endpoint and its delivery log",
  request: { params },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404) },
});

export const listDeliveriesSpec = createRoute({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  tags,
  summary: "Delivery log of an endpoint",
  description: "Newest first: status and attempts of each delivery, with `attemptLog` (status code, error and duration of every POST).",
  request: { params, query: listDeliveriesInput },
  responses: { 200: json(z.object({ data: z.array(webhookDeliverySchema.meta({ id: "WebhookDelivery" })) }), "Deliveries"), ...problems(404, 422) },
});
