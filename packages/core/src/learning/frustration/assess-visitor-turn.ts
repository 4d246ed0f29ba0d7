import type { Message, Prisma } from "@frontdesk/db";
import { resolveChatModel, type ActiveChatModel } from "../../answer-model";
import type { ServiceContext } from "../../context";
import { classifyTurnWithModel } from "./sentiment-model";
import { classifyVisitorTurn, type SentimentLanguage, type SentimentResult } from "./sentiment-rules";

/** Frustrated visitor turns in one conversation after which the bot offers a person and flags it. */
export const FRUSTRATED_TURNS_FOR_HANDOFF = 2;
/** Earlier visitor messages compared for a repeated question. */
const EARLIER_MESSAGES = 3;

export const HANDOFF_SUGGESTION: Record<SentimentLanguage, string> = {
  en: "I'm sorry this isn't going well. Would you like to talk to a person? Just say \"talk to a person\" and I'll ask the team to take over.",
  es: "Siento que esto no esté yendo bien. ¿Quiere hablar con una persona? Escriba \"hablar con una persona\" y pediré al equipo que le atienda.",
  fr: "Je suis désolé que cela ne se passe pas bien. Voulez-vous parler à une personne ? Écrivez « parler à une personne » et je demanderai à l'équipe de prendre le relais.",
  de: "Es tut mir leid, dass es nicht gut läuft. Möchten Sie mit einer Person sprechen? Schreiben Sie „mit einer Person sprechen“ und ich bitte das Team, zu übernehmen.",
};

export interface TurnAssessment {
  sentiment: SentimentResult;
  /** This turn made it the FRUSTRATED_TURNS_FOR_HANDOFF-th frustrated one: offer a person (once per conversation). */
  suggestHandoff: boolean;
}

/** The visitor message to assess; a caller that has just stored it passes it along (it is not read again). */
interface AssessedTurn {
  conversationId: string;
  messageId: string;
  message?: Message;
  /** The conversation's earlier visitor messages, newest first, when the caller knows them (none in a new one). */
  earlier?: string[];
  /** The rules' sentiment, when the caller stored it with the message (sentimentMetadata): not classified or written again. */
  stored?: SentimentResult;
  /** The organization's chat model, when the caller is resolving it already. */
  chatModel?: Promise<ActiveChatModel>;
}

/** What a visitor message's metadata holds of its sentiment by the rules. */
export function sentimentMetadata(sentiment: SentimentResult) {
  return { sentiment: sentiment.sentiment, sentimentReasons: sentiment.reasons, sentimentMethod: "rules" as const };
}

const asObject = (value: Prisma.JsonValue): Prisma.JsonObject => (value && typeof value === "object" && !Array.isArray(value) ? value : {});

async function loadTurn(ctx: ServiceContext, input: AssessedTurn) {
  const message =
    input.message?.id === input.messageId
      ? input.message
      : await ctx.prisma.message.findFirst({ where: { id: input.messageId, organizationId: ctx.organizationId, conversationId: input.conversationId } });
  if (!message) return null;
  if (input.earlier) return { message, earlier: input.earlier.slice(0, EARLIER_MESSAGES) };
  const earlier = await ctx.prisma.message.findMany({
    where: { conversationId: input.conversationId, organizationId: ctx.organizationId, role: "user", createdAt: { lte: message.createdAt }, id: { not: message.id } },
    orderBy: { createdAt: "desc" },
    take: EARLIER_MESSAGES,
    select: { content: true },
  });
  return { message, earlier: earlier.map((row) => row.content) };
}

/**
 * Gives a stored visitor (or caller) message its sentiment by the rules (kept in its metadata) and, at the second
 * frustrated turn of a conversation, flags the conversation (metadata.flagged) and asks the caller to suggest a
 * person. With a chat model configured, the model's reading is requested in the background (refineTurnSentiment),
 * never on the reply's path. The one sentiment assessment of web chat, SMS, WhatsApp and voice. Never throws.
 */
export async function assessVisitorTurn(ctx: ServiceContext, input: AssessedTurn): Promise<TurnAssessment | null> {
  try {
    const sentiment = input.stored ?? (await classifyAndStore(ctx, input));
    if (!sentiment) return null;
    await requestModelSentiment(ctx, { conversationId: input.conversationId, messageId: input.messageId }, input.chatModel);
    if (sentiment.sentiment !== "frustrated") return { sentiment, suggestHandoff: false };
    return { sentiment, suggestHandoff: await flagIfFrustrated(ctx, input.conversationId) };
  } catch (error) {
    ctx.logger.error({ err: error, conversationId: input.conversationId }, "could not assess a visitor turn");
    return null;
  }
}

async function classifyAndStore(ctx: ServiceContext, input: AssessedTurn): Promise<SentimentResult | null> {
  const turn = await loadTurn(ctx, input);
  if (!turn) return null;
  const sentiment = classifyVisitorTurn(turn.message.content, turn.earlier);
  await ctx.prisma.message.update({
    where: { id: turn.message.id },
    data: { metadata: { ...asObject(turn.message.metadata), ...sentimentMetadata(sentiment) } },
  });
  return sentiment;
}

/** True when this call flagged the conversation (its FRUSTRATED_TURNS_FOR_HANDOFF-th frustrated visitor turn). */
async function flagIfFrustrated(ctx: ServiceContext, conversationId: string): Promise<boolean> {
  const frustrated = await ctx.prisma.message.count({
    where: { conversationId, organizationId: ctx.organizationId, role: "user", metadata: { path: ["sentiment"], equals: "frustrated" } },
  });
  if (frustrated < FRUSTRATED_TURNS_FOR_HANDOFF) return false;
  const conversation = await ctx.prisma.conversation.findFirst({ where: { id: conversationId, organizationId: ctx.organizationId } });
  if (!conversation || asObject(conversation.metadata).flagged) return false;
  await ctx.prisma.conversation.update({
    where: { id: conversation.id },
    data: { metadata: { ...asObject(conversation.metadata), flagged: true, flagReason: "frustrated", flaggedAt: new Date().toISOString() } },
  });
  return true;
}

async function requestModelSentiment(ctx: ServiceContext, input: { conversationId: string; messageId: string }, resolving?: Promise<ActiveChatModel>): Promise<void> {
  try {
    const { chatModel } = await (resolving ?? resolveChatModel(ctx));
    if (!chatModel) return;
    await ctx.events.send({ name: "learning/turn.sentiment-requested", id: `sentiment-${input.messageId}`, data: { organizationId: ctx.organizationId, ...input } });
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: input.conversationId }, "could not queue the model's sentiment of a turn");
  }
}

export type ModelSentimentOutcome = { method: "model"; sentiment: SentimentResult["sentiment"]; flagged: boolean } | { method: "rules"; reason: string };

/**
 * The organization's chat model reads a turn already classified by the rules (structured output, with a timeout):
 * its sentiment replaces the rules' in the message metadata and a second frustrated turn flags the conversation
 * (the visitor is not offered a person from here: their reply has gone). On a model error, a timeout or an answer
 * that does not fit, the rules' sentiment stays. Run by the worker (learning/turn.sentiment-requested).
 */
export async function refineTurnSentiment(ctx: ServiceContext, input: { conversationId: string; messageId: string }): Promise<ModelSentimentOutcome> {
  const { chatModel } = await resolveChatModel(ctx);
  if (!chatModel) return { method: "rules", reason: "no chat model" };
  const turn = await loadTurn(ctx, input);
  if (!turn) return { method: "rules", reason: "message not found" };
  let reading: Awaited<ReturnType<typeof classifyTurnWithModel>>;
  try {
    reading = await classifyTurnWithModel(chatModel, { message: turn.message.content, earlier: turn.earlier });
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: input.conversationId }, "the model could not classify a turn's sentiment; keeping the rules'");
    return { method: "rules", reason: "model failed" };
  }
  const current = await ctx.prisma.message.findUniqueOrThrow({ where: { id: turn.message.id }, select: { metadata: true } });
  await ctx.prisma.message.update({
    where: { id: turn.message.id },
    data: { metadata: { ...asObject(current.metadata), sentiment: reading.sentiment, sentimentReasons: reading.reasons, sentimentMethod: "model" } },
  });
  const flagged = reading.sentiment === "frustrated" ? await flagIfFrustrated(ctx, input.conversationId) : false;
  return { method: "model", sentiment: reading.sentiment, flagged };
}
