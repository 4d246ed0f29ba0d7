import { createHash } from "node:crypto";
import type { Vapi } from "@vapi-ai/server-sdk";
import { z } from "zod";
import { AppError } from "../errors";

/**
 * The parts of Vapi's server-URL envelope every message shares, validated at the trust boundary; the rest is kept
 * as sent and read through the SDK's types per message type (see protocols.md: docs and SDK disagree in places).
 */
const callSchema = z
  .object({
    id: z.string().min(1).max(200),
    createdAt: z.string().optional(),
    startedAt: z.string().optional(),
    customer: z.object({ number: z.string().optional() }).passthrough().optional(),
    monitor: z.object({ controlUrl: z.string().optional(), listenUrl: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

const messageSchema = z
  .object({
    type: z.string().min(1).max(100),
    timestamp: z.union([z.number(), z.string()]).optional(),
    call: callSchema.optional(),
    customer: z.object({ number: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

export const vapiEnvelopeSchema = z.object({ message: messageSchema });

export type VapiCallInfo = z.infer<typeof callSchema>;
export interface VapiMessage {
  type: string;
  timestamp: number | undefined;
  call: VapiCallInfo | undefined;
  customerNumber: string | undefined;
  /** The whole message as sent, for the per-type readers. */
  raw: Record<string, unknown>;
}

export function parseVapiEnvelope(body: unknown): VapiMessage {
  const parsed = vapiEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "(root)", message: issue.message }));
    throw new AppError("validation_failed", `Not a Vapi server message: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, { fields });
  }
  const message = parsed.data.message;
  const timestamp = typeof message.timestamp === "number" ? message.timestamp : message.timestamp ? Date.parse(message.timestamp) : undefined;
  return {
    type: message.type,
    timestamp: timestamp !== undefined && Number.isFinite(timestamp) ? timestamp : undefined,
    call: message.call,
    customerNumber: message.customer?.number ?? message.call?.customer?.number,
    raw: message as Record<string, unknown>,
  };
}

/** Identifies a message among its call's messages of one type: Vapi's timestamp, or the message's hash. */
export function eventKeyOf(message: VapiMessage): string {
  if (message.timestamp !== undefined) return String(message.timestamp);
  return createHash("sha256").update(JSON.stringify(message.raw)).digest("hex").slice(0, 32);
}

/** What is kept of a message on its event: the call, assistant and customer objects live on the Call row. */
export function storedData(message: VapiMessage): Record<string, unknown> {
  const { call: _call, assistant: _assistant, customer: _customer, phoneNumber: _phone, type: _type, timestamp: _ts, ...rest } = message.raw;
  return rest;
}

/** SDK view of a message once its type is known. */
export const asTranscript = (message: VapiMessage) => message.raw as unknown as Vapi.ServerMessageTranscript;
export const asStatusUpdate = (message: VapiMessage) => message.raw as unknown as Vapi.ServerMessageStatusUpdate;
export const asSpeechUpdate = (message: VapiMessage) => message.raw as unknown as Vapi.ServerMessageSpeechUpdate;
export const asEndOfCallReport = (message: VapiMessage) => message.raw as unknown as Vapi.ServerMessageEndOfCallReport;
export const asKnowledgeBaseRequest = (message: VapiMessage) => message.raw as unknown as Vapi.ServerMessageKnowledgeBaseRequest;

/** Vapi's speaker roles (transcripts say user/assistant, artifacts say user/bot) as the call view shows them. */
export function speakerOf(role: unknown): "caller" | "assistant" | null {
  if (role === "user" || role === "customer") return "caller";
  if (role === "assistant" || role === "bot") return "assistant";
  return null;
}
