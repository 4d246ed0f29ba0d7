import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { logToolCall } from "../tools/log-tool-call";
import { callActionEndpoint } from "./call-endpoint";
import { loadCustomActionForInvoke } from "./load-for-invoke";
import type { InvokeResult } from "./schemas";
import { validateArguments } from "./validate-arguments";

export interface InvokeOptions {
  /** What asked: "invoke" (API/admin), "chat" (the bot), "voice". Stored on the ToolCall row. */
  source: "chat" | "invoke" | "voice";
  botId?: string;
  conversationId?: string;
}

/**
 * Calls a custom action (by id, "file:<name>" or name) with `args`. Arguments are validated against the action's
 * JSON Schema first: invalid ones throw AppError validation_failed naming `arguments.<field>` and the endpoint is
 * not called. Whatever the endpoint does comes back as `{ ok, status, durationMs, response, error? }`. Every call,
 * including refused arguments, is logged as a ToolCall row with secret-looking argument keys redacted.
 */
export async function invokeCustomAction(
  ctx: ServiceContext,
  actionIdOrName: string,
  args: Record<string, unknown>,
  options: InvokeOptions,
): Promise<InvokeResult> {
  const action = await loadCustomActionForInvoke(ctx, actionIdOrName);
  const tool = { name: action.name, integrationId: null, customActionId: action.customActionId };
  const log = (call: { ok: boolean; result?: unknown; error?: string; durationMs: number }) =>
    logToolCall(ctx, tool, options, { arguments: args, ...call });

  if (!action.enabled) {
    await log({ ok: false, error: "action is disabled", durationMs: 0 });
    throw new AppError("conflict", `Action ${action.name} is disabled`);
  }
  const problems = validateArguments(action.parameters, args);
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
    await log({ ok: false, error: `invalid arguments: ${summary}`, durationMs: 0 });
    throw new AppError("validation_failed", `Invalid arguments: ${summary}`, { fields: problems });
  }

  const outcome = await callActionEndpoint(action, args, { allowPrivateNetworks: ctx.config.ALLOW_PRIVATE_NETWORK_FETCH });
  const toolCallId = await log({
    ok: outcome.ok,
    result: { status: outcome.status, response: outcome.response ?? null },
    error: outcome.error,
    durationMs: outcome.durationMs,
  });
  return { ...outcome, toolCallId };
}
