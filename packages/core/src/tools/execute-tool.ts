import { runToolSafely } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { logToolCall } from "./log-tool-call";
import { ToolFailure, ToolRefusal, type ExecutableTool, type ToolCallScope, type ToolRunResult } from "./tool-types";
import { validateArguments } from "../custom-actions";

class ToolTimeout extends Error {}

/** Results beyond this reach the model cut short: a long slot list must not crowd out the sources. */
const MAX_RESULT_CHARS = 8_000;

/** Problems with the arguments as one line, or null. zod renders draft 2020-12; the validator reads the keywords. */
function argumentProblems(parameters: Record<string, unknown>, args: unknown): string | null {
  const { $schema: _draft, ...schema } = parameters;
  const problems = validateArguments(schema, args);
  return problems.length > 0 ? problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ") : null;
}

function singleLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim().slice(0, 2_000);
}

/** Text the model can relay when an action did not happen: the reason, then what to tell the user. */
export function fallbackText(tool: Pick<ExecutableTool, "systemLabel">, reason: string): string {
  return singleLine(
    `The action failed (${reason}). Unless you can fix the request yourself, tell the user: "I couldn't reach ${tool.systemLabel} just now" and offer another way (try again later, or leave contact details for a callback).`,
  );
}

/** The handler's promise, or a ToolTimeout after `ms`; the tool's signal is aborted either way it ends early. */
async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ToolTimeout(`timed out after ${ms} ms`));
      controller.abort(new ToolTimeout(`timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([run(signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one tool call for any transport (chat, "try it", voice): validates the arguments against the tool's JSON
 * Schema (invalid → not executed), runs the handler under a timeout, records a ToolCall row (secrets redacted,
 * duration) and returns one line for the model. Never throws for a failing tool; the model relays the fallback.
 */
export async function executeTool(
  ctx: ServiceContext,
  tool: ExecutableTool,
  args: unknown,
  scope: ToolCallScope,
  options: { signal?: AbortSignal } = {},
): Promise<ToolRunResult & { toolCallId: string | null }> {
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;
  const problems = argumentProblems(tool.parameters, args);
  if (problems) {
    const toolCallId = await logToolCall(ctx, tool, scope, { arguments: args, ok: false, error: `Invalid arguments: ${problems}`, durationMs: elapsed() });
    return { ok: false, text: singleLine(`Not executed: invalid arguments (${problems}). Ask the user for what is missing or fix the values, then call ${tool.name} again.`), toolCallId };
  }

  let result: ToolRunResult;
  let logged: { ok: boolean; result?: unknown; error?: string };
  try {
    let value: unknown;
    const outcome = await runToolSafely(async () => {
      value = await withTimeout((signal) => tool.handler(args, signal), tool.timeoutMs, options.signal);
      return value;
    });
    if (outcome.ok) {
      const text = outcome.text.length > MAX_RESULT_CHARS ? `${outcome.text.slice(0, MAX_RESULT_CHARS)}… (truncated)` : outcome.text;
      result = { ok: true, text };
      logged = { ok: true, result: value };
    } else {
      result = { ok: false, text: fallbackText(tool, outcome.text) };
      logged = { ok: false, error: outcome.text };
    }
  } catch (error) {
    if (error instanceof ToolRefusal) {
      result = { ok: false, text: singleLine(`Not executed: refused, ${error.message}. Do not retry with other details; tell the user what you can do instead.`) };
      logged = { ok: false, error: `Refused: ${error.message}` };
    } else if (error instanceof ToolTimeout || error instanceof ToolFailure) {
      result = { ok: false, text: fallbackText(tool, error.message) };
      logged = { ok: false, error: error.message };
    } else {
      ctx.logger.error({ err: error, tool: tool.name, botId: scope.botId }, "tool call failed unexpectedly");
      const message = error instanceof Error ? error.message : String(error);
      result = { ok: false, text: fallbackText(tool, "unexpected error") };
      logged = { ok: false, error: singleLine(message) };
    }
  }
  const durationMs = elapsed();
  const toolCallId = tool.logsOwnCalls ? null : await logToolCall(ctx, tool, scope, { arguments: args, ...logged, durationMs });
  return { ...result, toolCallId };
}
