import type { Prisma, ToolCall } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { listToolCallsInput, type ListToolCallsInput, type ToolCallPage, type ToolCallView } from "./schemas";

export function toToolCallView(row: ToolCall): ToolCallView {
  return {
    id: row.id,
    botId: row.botId,
    conversationId: row.conversationId,
    integrationId: row.integrationId,
    customActionId: row.customActionId,
    toolName: row.toolName,
    source: row.source,
    arguments: row.arguments,
    ok: row.ok,
    result: row.result,
    error: row.error,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The tool-call log, newest first, filtered; pass `nextCursor` back as `cursor` for the next page. */
export async function listToolCalls(ctx: ServiceContext, input: ListToolCallsInput = {}): Promise<ToolCallPage> {
  const filters = parseInput(listToolCallsInput, input);
  const where: Prisma.ToolCallWhereInput = {
    organizationId: ctx.organizationId,
    ...(filters.botId ? { botId: filters.botId } : {}),
    ...(filters.conversationId ? { conversationId: filters.conversationId } : {}),
    ...(filters.toolName ? { toolName: filters.toolName } : {}),
    ...(filters.ok !== undefined ? { ok: filters.ok } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.since || filters.until
      ? { createdAt: { ...(filters.since ? { gte: filters.since } : {}), ...(filters.until ? { lt: filters.until } : {}) } }
      : {}),
  };
  const rows = await ctx.prisma.toolCall.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, filters.limit);
  return { data: page.map(toToolCallView), nextCursor: rows.length > filters.limit ? (page.at(-1)?.id ?? null) : null };
}
