import {
  createIntegration,
  createIntegrationInput,
  deleteIntegration,
  getIntegration,
  listIntegrationCatalog,
  listIntegrations,
  syncIntegration,
  testIntegration,
  updateIntegration,
  updateIntegrationInput,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);

/** Reads for every member; changing, testing and syncing credentials is for owners and admins. */
export const integrationsRouter = {
  types: orgProcedure.query(() => listIntegrationCatalog()),
  list: orgProcedure.query(({ ctx }) => listIntegrations(ctx.core)),
  get: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getIntegration(ctx.core, input.id)),
  create: orgProcedure.input(createIntegrationInput).mutation(({ ctx, input }) => createIntegration(ctx.core, input)),
  update: orgProcedure
    .input(z.object({ id, data: updateIntegrationInput }))
    .mutation(({ ctx, input }) => updateIntegration(ctx.core, input.id, input.data)),
  delete: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteIntegration(ctx.core, input.id)),
  test: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => testIntegration(ctx.core, input.id)),
  sync: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => syncIntegration(ctx.core, input.id)),
} satisfies TRPCRouterRecord;
