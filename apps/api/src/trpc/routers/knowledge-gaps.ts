import { answerKnowledgeGap, answerKnowledgeGapInput, dismissKnowledgeGap, listKnowledgeGaps, listKnowledgeGapsInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);

/** knowledgeGaps.*: unanswered questions for the admin's gaps list ("Answer it", dismiss). */
export const knowledgeGapsRouter = {
  list: orgProcedure.input(listKnowledgeGapsInput).query(({ ctx, input }) => listKnowledgeGaps(ctx.core, input)),
  answer: orgProcedure
    .input(answerKnowledgeGapInput.extend({ id }))
    .mutation(({ ctx, input: { id: gapId, ...answer } }) => answerKnowledgeGap(ctx.core, gapId, answer)),
  dismiss: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => dismissKnowledgeGap(ctx.core, input.id)),
} satisfies TRPCRouterRecord;
