import type { Call, CallEvent, Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { requestMessageEmbedding } from "../conversations/search/embed-message";
import { requestLeadQualification } from "../leads/qualification/request-qualification";
import { emitDomainEvent } from "../webhooks/emit-domain-event";
import { emitMessageCreated } from "../webhooks/emit-chat-events";
import { publishCallUpdate } from "./publish-call-update";
import { assessVisitorTurn } from "../learning/frustration/assess-visitor-turn";
import { classifyRecentTurns } from "../learning/frustration/sentiment-rules";
import { asEndOfCallReport, asStatusUpdate, speakerOf, type VapiMessage } from "./vapi-message";

const TRANSCRIPT_MESSAGE = "voice_transcript";

/** A final line joins the conversation's messages (caller → user, AI → assistant), so history and search see calls. */
async function storeTranscriptLine(ctx: ServiceContext, call: Call, event: Pick<CallEvent, "id" | "speaker" | "text">): Promise<{ id: string } | null> {
  if (!event.text?.trim() || !event.speaker) return null;
  const message = await ctx.prisma.message.create({
    data: {
      organizationId: ctx.organizationId,
      conversationId: call.conversationId,
      role: event.speaker === "caller" ? "user" : "assistant",
      content: event.text.trim(),
      metadata: { type: TRANSCRIPT_MESSAGE, callEventId: event.id },
    },
  });
  await ctx.prisma.conversation.update({ where: { id: call.conversationId }, data: { lastMessageAt: message.createdAt } });
  await emitMessageCreated(ctx, message);
  await requestMessageEmbedding(ctx, message);
  return message;
}

/**
 * After a final transcript line: store it, and when the caller spoke, give the line its sentiment (the same
 * classifier as chat turns, which flags the conversation at the second frustrated turn) and re-read the caller's mood.
 */
export async function applyTranscript(ctx: ServiceContext, call: Call, event: CallEvent): Promise<void> {
  if (event.isFinal) {
    const stored = await storeTranscriptLine(ctx, call, event);
    if (event.speaker === "caller") {
      if (stored) await assessVisitorTurn(ctx, { conversationId: call.conversationId, messageId: stored.id });
      const lines = await ctx.prisma.callEvent.findMany({
        where: { callId: call.id, type: "transcript", isFinal: true, speaker: "caller" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 3,
        select: { text: true },
      });
      const userSentiment = classifyRecentTurns(lines.reverse().map((line) => line.text ?? ""));
      if (userSentiment !== call.userSentiment) {
        await ctx.prisma.call.update({ where: { id: call.id }, data: { userSentiment } });
        publishCallUpdate(ctx, { organizationId: ctx.organizationId, conversationId: call.conversationId, kind: "status" });
      }
    }
  }
  publishCallUpdate(ctx, { organizationId: ctx.organizationId, conversationId: call.conversationId, kind: "message" });
}

export async function applyStatusUpdate(ctx: ServiceContext, call: Call, message: VapiMessage): Promise<void> {
  const update = asStatusUpdate(message);
  if (typeof update.status !== "string") return;
  await ctx.prisma.call.update({
    where: { id: call.id },
    data: {
      status: update.status,
      ...(update.endedReason ? { endedReason: update.endedReason } : {}),
      ...(update.status === "in-progress" && !call.startedAt && message.timestamp ? { startedAt: new Date(message.timestamp) } : {}),
    },
  });
  publishCallUpdate(ctx, { organizationId: ctx.organizationId, conversationId: call.conversationId, kind: "status" });
}

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * The end-of-call report settles the call: ended reason, times and duration (endedAt − startedAt), cost, analysis,
 * recording and full transcript. When no final transcript lines were sent live, the report's messages become the
 * conversation's messages. Then the conversation closes, the lead engine re-scores the caller, and `call.ended`
 * goes to webhooks.
 */
export async function applyEndOfCallReport(ctx: ServiceContext, call: Call, message: VapiMessage): Promise<Call> {
  const report = asEndOfCallReport(message);
  const startedAt = date(report.startedAt ?? report.call?.startedAt) ?? call.startedAt;
  const endedAt = date(report.endedAt ?? report.call?.endedAt) ?? (message.timestamp ? new Date(message.timestamp) : new Date());
  const durationSeconds = startedAt ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000) : null;
  const artifact = report.artifact ?? {};
  const analysis = report.analysis ?? {};
  const recordingUrl = artifact.recordingUrl ?? artifact.recording?.mono?.combinedUrl ?? null;
  const ended = await ctx.prisma.call.update({
    where: { id: call.id },
    data: {
      status: "ended",
      endedReason: typeof report.endedReason === "string" ? report.endedReason : call.endedReason,
      startedAt,
      endedAt,
      durationSeconds,
      costUsd: typeof report.cost === "number" ? report.cost : call.costUsd,
      summary: analysis.summary ?? null,
      ...(analysis.structuredData ? { structuredData: analysis.structuredData as Prisma.InputJsonObject } : {}),
      successEvaluation: analysis.successEvaluation !== undefined ? String(analysis.successEvaluation) : null,
      recordingUrl,
      transcript: artifact.transcript ?? null,
    },
  });
  const liveLines = await ctx.prisma.callEvent.count({ where: { callId: call.id, type: "transcript", isFinal: true } });
  if (liveLines === 0) {
    for (const said of artifact.messages ?? []) {
      const line = said as { role?: unknown; message?: unknown };
      const speaker = speakerOf(line.role);
      if (speaker && typeof line.message === "string") await storeTranscriptLine(ctx, call, { id: "", speaker, text: line.message });
    }
  }
  await ctx.prisma.conversation.update({ where: { id: call.conversationId }, data: { status: "closed" } });
  // The lead engine re-scores the caller from everything they said.
  await requestLeadQualification(ctx, { conversationId: call.conversationId, cause: `call-ended-${call.id}` });
  publishCallUpdate(ctx, { organizationId: ctx.organizationId, conversationId: call.conversationId, kind: "status" });
  await emitDomainEvent(ctx, "call.ended", {
    callId: ended.id,
    vapiCallId: ended.vapiCallId,
    botId: ended.botId,
    conversationId: ended.conversationId,
    customerNumber: ended.customerNumber,
    startedAt: ended.startedAt?.toISOString() ?? null,
    endedAt: ended.endedAt?.toISOString() ?? null,
    durationSeconds: ended.durationSeconds,
    endedReason: ended.endedReason,
    costUsd: ended.costUsd,
    summary: ended.summary,
    successEvaluation: ended.successEvaluation,
    structuredData: ended.structuredData,
    recordingUrl: ended.recordingUrl,
    toolCallsCount: ended.toolCallsCount,
    toolErrorsCount: ended.toolErrorsCount,
    userSentiment: ended.userSentiment,
  });
  return ended;
}
