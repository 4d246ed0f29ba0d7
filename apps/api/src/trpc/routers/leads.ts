import { exportLeadsCsv, getLead, listLeads, listLeadsInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

export const leadsRouter = {
  /** Newest first, filtered by tier, channel, bot and `q` (name/email/phone); `nextCursor` pages. */
  list: orgProcedure.input(listLeadsInput.optional()).query(({ ctx, input }) => listLeads(ctx.core, input ?? {})),
  /** One lead with its qualification history and the actions taken on it. */
  get: orgProcedure.input(z.object({ id: z.string().min(1) })).query(({ ctx, input }) => getLead(ctx.core, input.id)),
  /** The CSV of GET /leads/export.csv, for the admin's download button. */
  exportCsv: orgProcedure
    .input(listLeadsInput.omit({ limit: true, cursor: true }).optional())
    .query(async ({ ctx, input }) => ({ csv: await exportLeadsCsv(ctx.core, input ?? {}) })),
} satisfies TRPCRouterRecord;
