import type { AppDeps, ServiceContext } from "../context";
import { AppError } from "../errors";
import { answerKnowledgeBaseRequest } from "./knowledge-base-request";
import { buildAssistant } from "./assistant-request";
import { applyEndOfCallReport, applyStatusUpdate, applyTranscript } from "./call-lifecycle";
import { ensureCall } from "./ensure-call";
import { publishCallUpdate } from "./publish-call-update";
import { recordCallEvent, storedResponse, storeResponse, type EventFields } from "./record-call-event";
import { asSpeechUpdate, asTranscript, parseVapiEnvelope, speakerOf, type VapiMessage } from "./vapi-message";
import { withKnowledgeBaseLinks, type VoiceBot } from "./voice-bot";
import { vapiSignatureMatches, type VapiSignedRequest } from "./vapi-signature";
import { readVoiceSecret, secretsMatch } from "./voice-secret";
import { answerToolCalls } from "./voice-tool-calls";

/** A Vapi request that passed the bot's secret: the bot, the secret and a context in the bot's organization. */
export interface VoiceRequest {
  ctx: ServiceContext;
  bot: VoiceBot;
  secret: string;
}

const unauthorized = () => new AppError("unauthorized", "Missing or wrong Vapi secret (X-Vapi-Secret, Authorization: Bearer, or an HMAC X-Vapi-Signature)");

/** How the request proves it comes from Vapi: the secret itself, or an HMAC signature of the raw body with it. */
export type VoiceCredentials = { secret: string | undefined } | { signed: VapiSignedRequest };

function credentialsMatch(secret: string, credentials: VoiceCredentials): boolean {
  if ("signed" in credentials) return vapiSignatureMatches(secret, credentials.signed);
  return credentials.secret !== undefined && secretsMatch(secret, credentials.secret);
}

/**
 * Finds the bot by its public key and checks what Vapi presented against the bot's voice secret. A bot without a
 * secret refuses every call, and an unknown key answers exactly like a wrong secret (401, nothing said about which
 * it was).
 */
export async function authenticateVoiceRequest(deps: AppDeps, botPublicKey: string, credentials: VoiceCredentials): Promise<VoiceRequest> {
  const bot = await deps.prisma.bot.findUnique({ where: { publicKey: botPublicKey }, include: withKnowledgeBaseLinks });
  const secret = bot ? readVoiceSecret(deps, bot) : null;
  if (!bot || !secret || !credentialsMatch(secret, credentials)) throw unauthorized();
  // Vapi acts for the organization that configured the bot; it only reaches this bot's knowledge and tools.
  return { ctx: { ...deps, organizationId: bot.organizationId, actor: { type: "system" } }, bot, secret };
}

/** Transcript and speech messages carry who spoke and what was said on the event itself. */
function eventFields(message: VapiMessage): EventFields {
  if (message.type === "transcript" || message.type.startsWith("transcript[")) {
    const transcript = asTranscript(message);
    return { speaker: speakerOf(transcript.role), text: transcript.transcript ?? null, isFinal: transcript.transcriptType === "final" };
  }
  if (message.type === "speech-update") return { speaker: speakerOf(asSpeechUpdate(message).role) };
  return {};
}

/** Types Vapi waits an answer for; the others get an empty 200. */
const ANSWERED = new Set(["assistant-request", "knowledge-base-request", "tool-calls"]);

async function answer(request: VoiceRequest, message: VapiMessage, call: Awaited<ReturnType<typeof ensureCall>> | null): Promise<unknown> {
  const { ctx, bot, secret } = request;
  switch (message.type) {
    case "assistant-request":
      return buildAssistant(ctx, bot, secret);
    case "knowledge-base-request":
      return answerKnowledgeBaseRequest(ctx, bot, message);
    case "tool-calls":
      if (!call) throw new AppError("validation_failed", "A tool-calls message needs its call", { fields: [{ field: "message.call.id", message: "required" }] });
      return answerToolCalls(ctx, bot, call, message);
    default:
      return {};
  }
}

/**
 * One server-URL message: stored as an event of its call (once: a replay gets the first answer back and changes
 * nothing), applied to the call (status, transcript, report), and answered in Vapi's shape. Messages without a
 * call (an assistant-request for a web test, say) are answered but not stored.
 */
export async function handleVapiMessage(request: VoiceRequest, body: unknown): Promise<unknown> {
  const { ctx, bot } = request;
  const message = parseVapiEnvelope(body);
  if (!message.call) return answer(request, message, null);

  const call = await ensureCall(ctx, bot, { ...message, call: message.call });
  const { event, created } = await recordCallEvent(ctx, call, message, eventFields(message));
  if (!created) return ANSWERED.has(message.type) ? ((await storedResponse(ctx, event.id)) ?? {}) : {};

  if (message.type === "transcript" || message.type.startsWith("transcript[")) await applyTranscript(ctx, call, event);
  else if (message.type === "status-update") await applyStatusUpdate(ctx, call, message);
  else if (message.type === "end-of-call-report") await applyEndOfCallReport(ctx, call, message);
  else publishCallUpdate(ctx, { organizationId: ctx.organizationId, conversationId: call.conversationId, kind: "message" });

  if (!ANSWERED.has(message.type)) return {};
  try {
    const response = await answer(request, message, call);
    await storeResponse(ctx, event.id, response);
    return response;
  } catch (error) {
    // Unanswered, so not handled: Vapi's retry of this message must run it again rather than wait for an answer.
    await ctx.prisma.callEvent.delete({ where: { id: event.id } }).catch(() => undefined);
    throw error;
  }
}
