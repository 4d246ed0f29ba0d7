import { searchKnowledge, searchKnowledgeInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc";

export const searchRouter = {
  /** Hybrid search over one knowledge base (`knowledgeBaseId`), a bot's (`botId`) or the whole organization. */
  knowledge: orgProcedure.input(searchKnowledgeInput).query(({ ctx, input }) => searchKnowledge(ctx.core, input)),
} satisfies TRPCRouterRecord;
