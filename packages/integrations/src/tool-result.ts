import { z } from "zod";
import { IntegrationError } from "./errors";

export type ToolOutcome = { ok: true; text: string } | { ok: false; text: string; retryAfterSeconds?: number };

function singleLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/**
 * What the model (and voice platforms, which want one line without newlines) sees from a tool call. Failures
 * become text the model can act on (ask for a valid email, offer another slot) instead of aborting the turn;
 * anything unexpected is rethrown so real bugs still surface.
 */
export async function runToolSafely(invoke: () => Promise<unknown>): Promise<ToolOutcome> {
  try {
    const result = await invoke();
    return { ok: true, text: singleLine(JSON.stringify(result ?? null)) };
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issues = error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
      return { ok: false, text: singleLine(`Invalid arguments: ${issues}`) };
    }
    if (error instanceof IntegrationError) {
      return {
        ok: false,
        text: singleLine(`${error.code}: ${error.message}`),
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      };
    }
    throw error;
  }
}
