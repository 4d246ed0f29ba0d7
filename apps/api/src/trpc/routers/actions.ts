import {
  createCustomAction,
  createCustomActionInput,
  deleteCustomAction,
  getCustomAction,
  invokeCustomAction,
  invokeCustomActionInput,
  listCustomActions,
  updateCustomAction,
  updateCustomActionInput,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);

/** Custom actions (database and file); "Try it" in the admin is `invoke`. */
export const actionsRouter = {
  list: orgProcedure.query(({ ctx }) => listCustomActions(ctx.core)),
  get: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getCustomAction(ctx.core, input.id)),
  create: orgProcedure.input(createCustomActionInput).mutation(({ ctx, input }) => createCustomAction(ctx.core, input)),
  update: orgProcedure
    .input(z.object({ id, data: updateCustomActionInput }))
    .mutation(({ ctx, input }) => updateCustomAction(ctx.core, input.id, input.data)),
  delete: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteCustomAction(ctx.core, input.id)),
  invoke: orgProcedure
    .input(invokeCustomActionInput.extend({ id }))
    .mutation(({ ctx, input }) => invokeCustomAction(ctx.core, input.id, input.arguments, { source: "invoke" })),
} satisfies TRPCRouterRecord;
