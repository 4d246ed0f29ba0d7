import { runAction } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { invokeCustomAction } from "../custom-actions";
import { notFound } from "../errors";
import { loadIntegrationConfig } from "../integrations";
import { enabledCatalogTools } from "./bot-tools";
import { executeTool } from "./execute-tool";
import type { CatalogTool } from "./tool-catalog";
import { toolCallRefusal } from "./tool-guard";
import { DEFAULT_TOOL_TIMEOUT_MS, ToolFailure, ToolRefusal, type ExecutableTool, type ToolCallScope, type ToolRunResult } from "./tool-types";

// invokeCustomAction enforces the action's own timeout and logs the call; the executor waits a little longer so
// that log line, not a second one, records a slow endpoint.
const CUSTOM_ACTION_GRACE_MS = 2_000;

function toExecutable(ctx: ServiceContext, tool: CatalogTool, scope: ToolCallScope): ExecutableTool {
  const base = { name: tool.name, description: tool.description, parameters: tool.parameters, systemLabel: tool.systemLabel };
  if (tool.kind === "integration") {
    const integrationId = tool.integrationId!;
    const action = tool.action!;
    return {
      ...base,
      integrationId,
      customActionId: null,
      timeoutMs: DEFAULT_TOOL_TIMEOUT_MS,
      logsOwnCalls: false,
      async handler(args, signal) {
        const installed = await loadIntegrationConfig(ctx, integrationId);
        const refusal = await toolCallRefusal(ctx, { integrationType: installed.type, action, integrationId, config: installed.config, args }, scope);
        if (refusal) throw new ToolRefusal(refusal);
        return runAction({
          integrationId: installed.type,
          action,
          config: installed.config,
          input: args,
          ctx: { ...installed.providerContext, signal, timeoutMs: DEFAULT_TOOL_TIMEOUT_MS },
        });
      },
    };
  }
  const timeoutMs = (tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS) + CUSTOM_ACTION_GRACE_MS;
  return {
    ...base,
    integrationId: null,
    customActionId: tool.customActionId,
    timeoutMs,
    logsOwnCalls: true,
    async handler(args) {
      const actionRef = tool.customActionId ?? `file:${tool.name}`;
      const outcome = await invokeCustomAction(ctx, actionRef, args as Record<string, unknown>, scope);
      if (!outcome.ok) throw new ToolFailure(outcome.error ?? `the endpoint answered ${outcome.status ?? "nothing"}`);
      return outcome.response;
    },
  };
}

/** The bot's enabled tools, ready to run through executeTool (validation, timeout, log) in `scope`. */
export async function resolveBotTools(ctx: ServiceContext, scope: ToolCallScope & { botId: string }): Promise<ExecutableTool[]> {
  return (await enabledCatalogTools(ctx, scope.botId)).map((tool) => toExecutable(ctx, tool, scope));
}

/**
 * Runs one enabled tool of the bot by name, for transports that get calls by name (voice platforms' function
 * calls, "try it"). A name the bot has not enabled is "not found"; a failing tool still returns its fallback.
 */
export async function runBotTool(
  ctx: ServiceContext,
  scope: ToolCallScope & { botId: string },
  toolName: string,
  args: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<ToolRunResult & { toolCallId: string | null }> {
  const tool = (await resolveBotTools(ctx, scope)).find((candidate) => candidate.name === toolName);
  if (!tool) throw notFound(`Tool ${toolName}`);
  return executeTool(ctx, tool, args, scope, options);
}

/** A tool as the chat model binds it: `run` never throws for a failing tool. */
export interface BoundTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  run(args: unknown, options: { signal?: AbortSignal }): Promise<ToolRunResult>;
}

/** The bot's tools for one conversation turn (chat or voice): each call goes through executeTool. */
export async function bindBotTools(ctx: ServiceContext, scope: ToolCallScope & { botId: string }): Promise<BoundTool[]> {
  const tools = await resolveBotTools(ctx, scope);
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    run: async (args, options) => {
      const { ok, text } = await executeTool(ctx, tool, args, scope, options);
      return { ok, text };
    },
  }));
}
