import { getConversation, listConversations, listConversationsInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

export const conversationsRouter = {
  /** Newest activity first; pass `nextCursor` back as `cursor` for the next page. */
  list: orgProcedure.input(listConversationsInput.optional()).query(({ ctx, input }) => listConversations(ctx.core, input ?? {})),
  get: orgProcedure.input(z.object({ id: z.string().min(1) })).query(({ ctx, input }) => getConversation(ctx.core, input.id)),
} satisfies TRPCRouterRecord;
