import {
  createBot,
  createBotInput,
  deleteBot,
  getBot,
  getNotFoundReplyDefault,
  getVapiFiles,
  getVapiLink,
  linkKnowledgeBase,
  linkVapiAssistant,
  linkVapiAssistantInput,
  listBots,
  startVapiFileSync,
  startVapiFileSyncInput,
  stopVapiFileSync,
  unlinkKnowledgeBase,
  unlinkVapiAssistant,
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
  /** The not-found reply used while answerSettings.notFoundReply is unset, in the bot's widget language (the admin's placeholder). */
  notFoundReplyDefault: orgProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => getNotFoundReplyDefault(ctx.core, input.id)),
  delete: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteBot(ctx.core, input.id)),
  linkKnowledgeBase: orgProcedure
    .input(botKnowledgeBase)
    .mutation(({ ctx, input }) => linkKnowledgeBase(ctx.core, input.botId, input.knowledgeBaseId)),
  unlinkKnowledgeBase: orgProcedure
    .input(botKnowledgeBase)
    .mutation(({ ctx, input }) => unlinkKnowledgeBase(ctx.core, input.botId, input.knowledgeBaseId)),
  /** The bot's Vapi assistant link (GET /bots/{id}/vapi). */
  vapiLink: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getVapiLink(ctx.core, input.id)),
  /** Create or point a Vapi assistant at the bot through a `vapi` integration (PUT /bots/{id}/vapi). */
  linkVapi: orgProcedure
    .input(z.object({ id, data: linkVapiAssistantInput }))
    .mutation(({ ctx, input }) => linkVapiAssistant(ctx.core, input.id, input.data)),
  unlinkVapi: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => unlinkVapiAssistant(ctx.core, input.id)),
  /** "Sync to Vapi": state and per-file status (GET /bots/{id}/vapi/files). */
  vapiFiles: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getVapiFiles(ctx.core, input.id)),
  startVapiFiles: orgProcedure
    .input(z.object({ id, data: startVapiFileSyncInput }))
    .mutation(({ ctx, input }) => startVapiFileSync(ctx.core, input.id, input.data)),
  stopVapiFiles: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => stopVapiFileSync(ctx.core, input.id)),
} satisfies TRPCRouterRecord;
