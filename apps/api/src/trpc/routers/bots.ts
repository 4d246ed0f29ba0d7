import {
  createBot,
  createBotInput,
  deleteBot,
  getBot,
  linkKnowledgeBase,
  listBots,
  unlinkKnowledgeBase,
  updateBot,
  updateBotInput,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);
const botKnowledgeBase = z.object({ botId: id, knowledgeBaseId: id });

export const botsRouter = {
  list: orgProcedure.query(({ ctx }) => listBots(ctx.core)),
  get: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getBot(ctx.core, input.id)),
  create: orgProcedure.input(createBotInput).mutation(({ ctx, input }) => createBot(ctx.core, input)),
  update: orgProcedure
    .input(z.object({ id, data: updateBotInput }))
    .mutation(({ ctx, input }) => updateBot(ctx.core, input.id, input.data)),
  delete: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteBot(ctx.core, input.id)),
  linkKnowledgeBase: orgProcedure
    .input(botKnowledgeBase)
    .mutation(({ ctx, input }) => linkKnowledgeBase(ctx.core, input.botId, input.knowledgeBaseId)),
  unlinkKnowledgeBase: orgProcedure
    .input(botKnowledgeBase)
    .mutation(({ ctx, input }) => unlinkKnowledgeBase(ctx.core, input.botId, input.knowledgeBaseId)),
} satisfies TRPCRouterRecord;
