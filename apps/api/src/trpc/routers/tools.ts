import { getBotTools, listToolCalls, listToolCallsInput, listTools, setBotTools, setBotToolsInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const botId = z.string().min(1);

export const toolsRouter = {
  /** Every tool a bot can enable → `{ data: Tool[] }` (name, kind, description, parameters JSON Schema, origin, ids). */
  list: orgProcedure.query(({ ctx }) => listTools(ctx.core)),
  /** `{ botId }` → `{ botId, tools: string[], available: Tool[] }`. */
  forBot: orgProcedure.input(z.object({ botId })).query(({ ctx, input }) => getBotTools(ctx.core, input.botId)),
  /** `{ botId, tools: string[] }` replaces the enabled set (names from `list`); returns what forBot returns. */
  setForBot: orgProcedure
    .input(setBotToolsInput.extend({ botId }))
    .mutation(({ ctx, input }) => setBotTools(ctx.core, input.botId, { tools: input.tools })),
} satisfies TRPCRouterRecord;

export const toolCallsRouter = {
  /** Filters `{ botId?, conversationId?, toolName?, ok?, source?, since?, until?, limit?, cursor? }` → `{ data, nextCursor }`. */
  list: orgProcedure.input(listToolCallsInput.optional()).query(({ ctx, input }) => listToolCalls(ctx.core, input ?? {})),
} satisfies TRPCRouterRecord;
