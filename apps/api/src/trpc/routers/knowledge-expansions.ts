import {
  deleteQueryExpansion,
  deleteQueryExpansionInput,
  expansionStatus,
  listMappingReviewQueue,
  listQueryExpansions,
  mappingReviewQueueInput,
  reviewQueryExpansion,
  reviewQueryExpansionInput,
  upsertQueryExpansion,
  upsertQueryExpansionInput,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const knowledgeBaseId = z.string().min(1);

/** knowledge.expansions.*: a knowledge base's query expansions (term → words added to full-text search). */
export const expansionsRouter = {
  /** The dashboard's queue across knowledge bases: pending learned mappings, then flagged approved ones. */
  reviewQueue: orgProcedure.input(mappingReviewQueueInput).query(({ ctx, input }) => listMappingReviewQueue(ctx.core, input)),
  list: orgProcedure
    .input(z.object({ knowledgeBaseId, status: expansionStatus.optional() }))
    .query(({ ctx, input: { knowledgeBaseId: id, ...filter } }) => listQueryExpansions(ctx.core, id, filter)),
  review: orgProcedure
    .input(reviewQueryExpansionInput.extend({ knowledgeBaseId, expansionId: z.string().min(1) }))
    .mutation(({ ctx, input: { knowledgeBaseId: id, expansionId, ...review } }) => reviewQueryExpansion(ctx.core, id, expansionId, review)),
  upsert: orgProcedure
    .input(upsertQueryExpansionInput.extend({ knowledgeBaseId }))
    .mutation(({ ctx, input: { knowledgeBaseId: id, ...expansion } }) => upsertQueryExpansion(ctx.core, id, expansion)),
  delete: orgProcedure
    .input(deleteQueryExpansionInput.extend({ knowledgeBaseId }))
    .mutation(async ({ ctx, input: { knowledgeBaseId: id, term } }) => {
      await deleteQueryExpansion(ctx.core, id, { term });
      return { term, deleted: true as const };
    }),
} satisfies TRPCRouterRecord;
