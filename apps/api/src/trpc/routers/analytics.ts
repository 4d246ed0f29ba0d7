import { analyticsOverview, firstRunChecklist, tokenUsage } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

/** A date range and optionally one bot (validated by the service). */
const rangeInput = z.object({ from: z.string().optional(), to: z.string().optional(), botId: z.string().min(1).optional() });

/** analytics.*: the dashboard (validated by the service, like the REST route). */
export const analyticsRouter = {
  overview: orgProcedure
    .input(rangeInput)
    .query(({ ctx, input }) => analyticsOverview(ctx.core, input)),
  /** Model tokens per day and bot (the token-usage rollup). */
  usage: orgProcedure
    .input(rangeInput)
    .query(({ ctx, input }) => tokenUsage(ctx.core, input)),
  /** The new owner's next steps (add knowledge → test → customise the widget → embed → connect a channel). */
  firstRun: orgProcedure.query(({ ctx }) => firstRunChecklist(ctx.core)),
} satisfies TRPCRouterRecord;
