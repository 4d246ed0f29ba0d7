import {
  createWebhookEndpoint,
  createWebhookEndpointInput,
  deleteWebhookEndpoint,
  listDeliveriesInput,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  updateWebhookEndpointInput,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);

/** Outbound webhook endpoints and their delivery log; `create` returns the signing secret once. */
export const webhooksRouter = {
  list: orgProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.core)),
  create: orgProcedure.input(createWebhookEndpointInput).mutation(({ ctx, input }) => createWebhookEndpoint(ctx.core, input)),
  update: orgProcedure
    .input(z.object({ id, data: updateWebhookEndpointInput }))
    .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.core, input.id, input.data)),
  delete: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.core, input.id)),
  deliveries: orgProcedure
    .input(listDeliveriesInput.extend({ id }))
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.core, input.id, { limit: input.limit })),
} satisfies TRPCRouterRecord;
