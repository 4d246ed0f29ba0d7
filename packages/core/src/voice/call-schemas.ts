import { z } from "zod";

export const callStatusSchema = z.enum(["scheduled", "queued", "ringing", "in-progress", "forwarding", "ended"]);
export const userSentimentSchema = z.enum(["frustrated", "negative", "neutral", "positive"]);

export const callSchema = z.object({
  id: z.string(),
  vapiCallId: z.string(),
  botId: z.string(),
  conversationId: z.string(),
  status: z.string(),
  customerNumber: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  endedReason: z.string().nullable(),
  summary: z.string().nullable(),
  toolCallsCount: z.number().int(),
  toolErrorsCount: z.number().int(),
  userSentiment: userSentimentSchema.nullable(),
  costUsd: z.number().nullable(),
  recordingUrl: z.string().nullable(),
});
export type CallView = z.infer<typeof callSchema>;

export const transcriptLineSchema = z.object({
  speaker: z.enum(["caller", "assistant"]),
  text: z.string(),
  secondsFromStart: z.number().nullable(),
  createdAt: z.string(),
});

export const toolLatencySchema = z.object({
  toolName: z.string(),
  calls: z.number().int(),
  errors: z.number().int(),
  p50Ms: z.number().int(),
  p99Ms: z.number().int(),
});
export type ToolLatency = z.infer<typeof toolLatencySchema>;

export const callSuggestionSchema = z.object({
  id: z.enum(["callback", "transfer", "tool-failed"]),
  label: z.string(),
  /** Injected with POST /calls/{id}/control {"action":"add-message","message":…}. */
  message: z.string(),
});

export const callDetailSchema = callSchema.extend({
  interventionCount: z.number().int(),
  /** While live: what the owner may inject (frustrated caller, tools failing twice). */
  suggestions: z.array(callSuggestionSchema),
  successEvaluation: z.string().nullable(),
  structuredData: z.record(z.string(), z.unknown()).nullable(),
  /** Final lines, caller and assistant, in order: live while the call runs, from the report after. */
  transcript: z.array(transcriptLineSchema),
  /** The end-of-call report's transcript text, when it came. */
  transcriptText: z.string().nullable(),
  /** Per tool used on the call: how often, how often it failed, and its p50/p99 latency. */
  toolLatency: z.array(toolLatencySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallDetail = z.infer<typeof callDetailSchema>;

export const callEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  speaker: z.enum(["caller", "assistant"]).nullable(),
  text: z.string().nullable(),
  isFinal: z.boolean().nullable(),
  secondsFromStart: z.number().nullable(),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type CallEventView = z.infer<typeof callEventSchema>;

const isoDate = z.iso.datetime({ offset: true, message: "an ISO 8601 date-time" });

export const listCallsInput = z.object({
  botId: z.string().min(1).optional(),
  status: callStatusSchema.optional(),
  /** Calls created at or after this time. */
  since: isoDate.optional(),
  /** Calls created before this time. */
  until: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** id of the last call of the previous page (`nextCursor`). */
  cursor: z.string().min(1).optional(),
});
export type ListCallsInput = z.input<typeof listCallsInput>;

export const callPageSchema = z.object({ data: z.array(callSchema), nextCursor: z.string().nullable() });
export type CallPage = z.infer<typeof callPageSchema>;

export const listCallEventsInput = z.object({
  /** Only events after this one (an event `id`), for following a live call. */
  after: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ListCallEventsInput = z.input<typeof listCallEventsInput>;

export const callControlInput = z
  .object({
    action: z.enum(["say", "add-message", "mute", "unmute", "end"]),
    /** What the assistant says (say) or is told (add-message: a system message it acts on). */
    message: z.string().trim().min(1).max(2_000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.action === "say" || value.action === "add-message") && !value.message) {
      ctx.addIssue({ code: "custom", path: ["message"], message: `message is required for ${value.action}` });
    }
  });
export type CallControlInput = z.input<typeof callControlInput>;

export const callControlResultSchema = z.object({ ok: z.literal(true), action: z.string(), interventionCount: z.number().int() });
export type CallControlResult = z.infer<typeof callControlResultSchema>;
