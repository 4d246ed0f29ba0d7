import type { Call, CallEvent } from "@frontdesk/db";
import { userSentimentSchema, type CallEventView, type CallView } from "./call-schemas";

const iso = (date: Date | null) => date?.toISOString() ?? null;
const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

export function toCallView(call: Call): CallView {
  const sentiment = userSentimentSchema.safeParse(call.userSentiment);
  return {
    id: call.id,
    vapiCallId: call.vapiCallId,
    botId: call.botId,
    conversationId: call.conversationId,
    status: call.status,
    customerNumber: call.customerNumber,
    startedAt: iso(call.startedAt),
    endedAt: iso(call.endedAt),
    durationSeconds: call.durationSeconds,
    endedReason: call.endedReason,
    summary: call.summary,
    toolCallsCount: call.toolCallsCount,
    toolErrorsCount: call.toolErrorsCount,
    userSentiment: sentiment.success ? sentiment.data : null,
    costUsd: call.costUsd,
    recordingUrl: call.recordingUrl,
  };
}

export function toCallEventView(event: CallEvent): CallEventView {
  return {
    id: event.id,
    type: event.type,
    speaker: event.speaker === "caller" || event.speaker === "assistant" ? event.speaker : null,
    text: event.text,
    isFinal: event.isFinal,
    secondsFromStart: event.secondsFromStart,
    createdAt: event.createdAt.toISOString(),
    data: asRecord(event.data) ?? {},
  };
}

export { asRecord };
