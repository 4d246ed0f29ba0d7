import type { ToolCallSource } from "@frontdesk/db";

/** Where a tool call comes from and what it belongs to; recorded on every ToolCall row. */
export interface ToolCallScope {
  source: ToolCallSource;
  botId?: string;
  conversationId?: string;
}

/**
 * A tool ready to run, independent of any transport or model SDK: chat binds it through LangChain, voice
 * platforms call it by name. `handler` does the work; executeTool adds validation, the timeout and the log.
 */
export interface ExecutableTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
  /** What the assistant says it could not reach on failure, e.g. "Cal.com" or "the booking system". */
  systemLabel: string;
  integrationId: string | null;
  customActionId: string | null;
  timeoutMs: number;
  /** Custom actions write their own ToolCall row (invokeCustomAction); the executor then logs only refusals. */
  logsOwnCalls: boolean;
  handler(args: unknown, signal: AbortSignal): Promise<unknown>;
}

/** What the model sees: one line of text; `ok` false means the action did not happen. */
export interface ToolRunResult {
  ok: boolean;
  text: string;
}

export const DEFAULT_TOOL_TIMEOUT_MS = 15_000;

/** A call the tool guard refused (tool-guard.ts): nothing was sent; the model is told why. */
export class ToolRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolRefusal";
  }
}

/** A handler's way to report a failure it already understands (e.g. a custom action endpoint answered 500). */
export class ToolFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolFailure";
  }
}
