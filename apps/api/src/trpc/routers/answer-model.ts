import { getAnswerModel, resolveChatModel, setAnswerModelInput, setAnswerModel, testAnswerModel, testAnswerModelInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgAdminProcedure, orgProcedure } from "../trpc";

/**
 * The organization's answer model. Every member may know the answer mode (the bot page says whether the system
 * prompt has any effect); the setting itself, its test and changes are for owners and admins.
 */
export const answerModelRouter = {
  mode: orgProcedure.query(async ({ ctx }) => ({ answerMode: (await resolveChatModel(ctx.core)).answerMode })),
  get: orgAdminProcedure.query(({ ctx }) => getAnswerModel(ctx.core)),
  set: orgAdminProcedure.input(setAnswerModelInput).mutation(({ ctx, input }) => setAnswerModel(ctx.core, input)),
  test: orgAdminProcedure.input(testAnswerModelInput).mutation(({ ctx, input }) => testAnswerModel(ctx.core, input)),
} satisfies TRPCRouterRecord;
