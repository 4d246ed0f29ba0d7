import type { Call } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { listCallEventsInput, listCallsInput, type CallDetail, type CallEventView, type CallPage, type ListCallEventsInput, type ListCallsInput } from "./call-schemas";
import { asRecord, toCallEventView, toCallView } from "./call-views";
import { toolLatencies } from "./tool-latency";
import { callSuggestions } from "./call-suggestions";

/** Newest first; pass `nextCursor` back as `cursor` for the next page. */
export async function listCalls(ctx: ServiceContext, input: ListCallsInput = {}): Promise<CallPage> {
  const { botId, status, since, until, limit, cursor } = parseInput(listCallsInput, input);
  const rows = await ctx.prisma.call.findMany({
    where: {
      organizationId: ctx.organizationId,
      ...(botId ? { botId } : {}),
      ...(status ? { status } : {}),
      ...(since || until ? { createdAt: { ...(since ? { gte: new Date(since) } : {}), ...(until ? { lt: new Date(until) } : {}) } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { data: page.map(toCallView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getCallOrThrow(ctx: ServiceContext, id: string): Promise<Call> {
  const call = await ctx.prisma.call.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!call) throw notFound("Call");
  return call;
}

/** The call with its transcript (final lines) and per-tool latency from the tool-call log. */
export async function getCall(ctx: ServiceContext, id: string): Promise<CallDetail> {
  const call = await getCallOrThrow(ctx, id);
  const [lines, toolCalls] = await Promise.all([
    ctx.prisma.message.findMany({
      where: { conversationId: call.conversationId, organizationId: ctx.organizationId, role: { in: ["user", "assistant"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { role: true, content: true, createdAt: true, metadata: true },
    }),
    ctx.prisma.toolCall.findMany({
      where: { organizationId: ctx.organizationId, conversationId: call.conversationId },
      select: { toolName: true, ok: true, durationMs: true },
    }),
  ]);
  const eventIds = lines.map((line) => asRecord(line.metadata)?.callEventId).filter((value): value is string => typeof value === "string" && value !== "");
  const timing = new Map(
    (await ctx.prisma.callEvent.findMany({ where: { id: { in: eventIds } }, select: { id: true, secondsFromStart: true } })).map((event) => [event.id, event.secondsFromStart]),
  );
  return {
    ...toCallView(call),
    interventionCount: call.interventionCount,
    suggestions: callSuggestions(call),
    successEvaluation: call.successEvaluation,
    structuredData: asRecord(call.structuredData),
    transcript: lines.map((line) => ({
      speaker: line.role === "user" ? ("caller" as const) : ("assistant" as const),
      text: line.content,
      secondsFromStart: timing.get(String(asRecord(line.metadata)?.callEventId ?? "")) ?? null,
      createdAt: line.createdAt.toISOString(),
    })),
    transcriptText: call.transcript,
    toolLatency: toolLatencies(toolCalls),
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
  };
}

/** Every stored message of the call, oldest first (`after` an event id: only later ones). */
export async function listCallEvents(ctx: ServiceContext, id: string, input: ListCallEventsInput = {}): Promise<{ data: CallEventView[] }> {
  const { after, limit } = parseInput(listCallEventsInput, input);
  const call = await getCallOrThrow(ctx, id);
  const anchor = after ? await ctx.prisma.callEvent.findFirst({ where: { id: after, callId: call.id }, select: { createdAt: true, id: true } }) : null;
  const events = await ctx.prisma.callEvent.findMany({
    where: {
      callId: call.id,
      organizationId: ctx.organizationId,
      ...(anchor ? { OR: [{ createdAt: { gt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { gt: anchor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return { data: events.map(toCallEventView) };
}
