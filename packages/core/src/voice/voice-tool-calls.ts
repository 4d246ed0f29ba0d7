import type { Vapi } from "@vapi-ai/server-sdk";
import type { Call } from "@frontdesk/db";
import { z } from "zod";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { recordFailedRetrieval } from "../learning/record-failed-retrieval";
import { logToolCall } from "../tools/log-tool-call";
import { runBotTool } from "../tools/resolve-bot-tools";
import type { ToolCallScope } from "../tools/tool-types";
import { parseToolCalls, type ParsedToolCall } from "./parse-tool-calls";
import type { VapiMessage } from "./vapi-message";
import type { VoiceBot } from "./voice-bot";
import { searchBotKnowledge, spokenSources, voiceNotFoundReply } from "./voice-knowledge";

/** Every bot's built-in tool: the model asks the bot's knowledge directly. */
export const SEARCH_KNOWLEDGE_TOOL = {
  name: "search_knowledge",
  description: "Search the business's knowledge base (hours, prices, policies, services) and read back the best passages with their sources.",
  parameters: {
    type: "object",
    properties: { query: { type: "string", description: "What the caller wants to know, as a short question" } },
    required: ["query"],
  },
} as const;

const searchArgs = z.object({ query: z.string().trim().min(1).max(2_000) });

/** Vapi rejects results with line breaks; a result is always one line. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();

async function searchKnowledgeTool(ctx: ServiceContext, bot: VoiceBot, scope: ToolCallScope, args: unknown): Promise<{ ok: boolean; text: string }> {
  const startedAt = performance.now();
  const parsed = searchArgs.safeParse(args);
  const tool = { name: SEARCH_KNOWLEDGE_TOOL.name, integrationId: null, customActionId: null };
  if (!parsed.success) {
    const text = "Not executed: invalid arguments (query: a non-empty string is required). Ask the caller what they want to know.";
    await logToolCall(ctx, tool, scope, { arguments: args, ok: false, error: "Invalid arguments: query is required", durationMs: performance.now() - startedAt });
    return { ok: false, text };
  }
  const results = await searchBotKnowledge(ctx, bot, parsed.data.query, 5);
  if (results.length === 0) await recordToolMiss(ctx, bot, scope, parsed.data.query);
  const text = spokenSources(results, voiceNotFoundReply(bot, parsed.data.query));
  await logToolCall(ctx, tool, scope, {
    arguments: parsed.data,
    ok: true,
    result: results.slice(0, 3).map((hit) => ({ chunkId: hit.chunkId, title: hit.title, score: hit.score })),
    durationMs: performance.now() - startedAt,
  });
  return { ok: true, text };
}

/** A search_knowledge call that found nothing is a failed retrieval like a declined answer; never fails the call. */
async function recordToolMiss(ctx: ServiceContext, bot: VoiceBot, scope: ToolCallScope, query: string): Promise<void> {
  try {
    await recordFailedRetrieval(ctx, {
      botId: bot.id,
      conversationId: scope.conversationId,
      query,
      reason: "tool_empty",
      knowledgeBaseIds: bot.knowledgeBases.map((link) => link.knowledgeBaseId),
    });
  } catch (error) {
    ctx.logger.error({ err: error, botId: bot.id }, "could not record a search_knowledge miss");
  }
}

async function runOne(ctx: ServiceContext, bot: VoiceBot, scope: ToolCallScope & { botId: string }, call: ParsedToolCall): Promise<Vapi.ToolCallResult> {
  const base = { toolCallId: call.id, name: call.name };
  if (!call.args.ok) return { ...base, error: oneLine(`Not executed: ${call.args.problem}. Call ${call.name} again with a JSON object of arguments.`) };
  try {
    const outcome =
      call.name === SEARCH_KNOWLEDGE_TOOL.name
        ? await searchKnowledgeTool(ctx, bot, scope, call.args.value)
        : await runBotTool(ctx, scope, call.name, call.args.value);
    return outcome.ok ? { ...base, result: oneLine(outcome.text) } : { ...base, error: oneLine(outcome.text) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      return { ...base, error: `No tool named ${call.name} is enabled for this assistant; do not call it again.` };
    }
    ctx.logger.error({ err: error, tool: call.name, botId: bot.id }, "voice tool call failed unexpectedly");
    return { ...base, error: "The action failed unexpectedly; offer the caller a callback instead." };
  }
}

/**
 * `tool-calls` → one result per call, in order, through the shared executor (validation, 15 s timeout, ToolCall
 * log with source voice and the call's conversation). Calls run in parallel: Vapi waits for all of them.
 */
export async function answerToolCalls(ctx: ServiceContext, bot: VoiceBot, call: Call, message: VapiMessage): Promise<Vapi.ServerMessageResponseToolCalls> {
  const calls = parseToolCalls(message.raw);
  const scope = { source: "voice" as const, botId: bot.id, conversationId: call.conversationId };
  const results = await Promise.all(calls.map((toolCall) => runOne(ctx, bot, scope, toolCall)));
  const errors = results.filter((result) => result.error !== undefined).length;
  if (results.length > 0) {
    await ctx.prisma.call.update({ where: { id: call.id }, data: { toolCallsCount: { increment: results.length }, toolErrorsCount: { increment: errors } } });
  }
  return { results };
}
