import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { redactSecretLookingKeys } from "../secrets";
import type { ExecutableTool, ToolCallScope } from "./tool-types";

const MAX_STORED_RESULT_CHARS = 20_000;

/** JSON the database accepts: undefined dropped, huge results cut down to a text preview. */
function toStoredJson(value: unknown): Prisma.InputJsonValue {
  const text = JSON.stringify(redactSecretLookingKeys(value ?? null)) ?? "null";
  if (text.length > MAX_STORED_RESULT_CHARS) return { truncated: true, preview: text.slice(0, MAX_STORED_RESULT_CHARS) };
  return JSON.parse(text) as Prisma.InputJsonValue;
}

/** One ToolCall row; arguments and results are stored with secret-looking keys redacted. Never throws. */
export async function logToolCall(
  ctx: ServiceContext,
  tool: Pick<ExecutableTool, "name" | "integrationId" | "customActionId">,
  scope: ToolCallScope,
  call: { arguments: unknown; ok: boolean; result?: unknown; error?: string; durationMs: number },
): Promise<string | null> {
  try {
    const row = await ctx.prisma.toolCall.create({
      data: {
        organizationId: ctx.organizationId,
        botId: scope.botId ?? null,
        conversationId: scope.conversationId ?? null,
        integrationId: tool.integrationId,
        customActionId: tool.customActionId,
        toolName: tool.name,
        source: scope.source,
        arguments: toStoredJson(call.arguments),
        ok: call.ok,
        ...(call.result !== undefined ? { result: toStoredJson(call.result) } : {}),
        error: call.error ?? null,
        durationMs: Math.max(0, Math.round(call.durationMs)),
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    // The call already happened; losing its log line must not turn a booked meeting into an error for the visitor.
    ctx.logger.error({ err: error, tool: tool.name }, "could not record a tool call");
    return null;
  }
}
