import { completeSuggestion, dismissSuggestion, generateSuggestionsInput, generateSuggestionsNow, listSuggestions, listSuggestionsInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const byId = z.object({ id: z.string().min(1) });

/** suggestions.*: the dashboard's weekly suggestions card (suggest now, dismiss, done). */
export const suggestionsRouter = {
  list: orgProcedure.input(listSuggestionsInput).query(({ ctx, input }) => listSuggestions(ctx.core, input)),
  generate: orgProcedure.input(generateSuggestionsInput).mutation(({ ctx, input }) => generateSuggestionsNow(ctx.core, input)),
  dismiss: orgProcedure.input(byId).mutation(({ ctx, input }) => dismissSuggestion(ctx.core, input.id)),
  done: orgProcedure.input(byId).mutation(({ ctx, input }) => completeSuggestion(ctx.core, input.id)),
} satisfies TRPCRouterRecord;
