import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { classifyVisitorTurn, type SentimentResult } from "./sentiment-rules";

/** Frustrated visitor turns in one conversation after which the bot offers a person and flags it. */
export const FRUSTRATED_TURNS_FOR_HANDOFF = 2;
/** Earlier visitor messages compared for a repeated question. */
const EARLIER_MESSAGES = 3;

export const HANDOFF_SUGGESTION: Record<SentimentResult["language"], string> = {
  en: "I'm sorry this isn't going well. Would you like to talk to a person? Just say \"talk to a person\" and I'll ask the team to take over.",
  es: "Siento que esto no esté yendo bien. ¿Quiere hablar con una persona? Escriba \"hablar con una persona\" y pediré al equipo que le atienda.",
};

export interface TurnAssessment {
  sentiment: SentimentResult;
  /** This turn made it the FRUSTRATED_TURNS_FOR_HANDOFF-th frustrated one: offer a person (once per conversation). */
  suggestHandoff: boolean;
}

const asObject = (value: Prisma.JsonValue): Prisma.JsonObject => (value && typeof value === "object" && !Array.isArray(value) ? value : {});

/**
 * Gives a stored visitor message its sentiment (kept in its metadata) and, at the second frustrated turn of a
 * conversation, flags the conversation (metadata.flagged) and asks the caller to suggest a person. Never throws.
 */
export async function assessVisitorTurn(ctx: ServiceContext, input: { conversationId: string; messageId: string }): Promise<TurnAssessment | null> {
  try {
    const message = await ctx.prisma.message.findFirst({ where: { id: input.messageId, organizationId: ctx.organizationId } });
    if (!message) return null;
    const earlier = await ctx.prisma.message.findMany({
      where: { conversationId: input.conversationId, organizationId: ctx.organizationId, role: "user", createdAt: { lte: message.createdAt }, id: { not: message.id } },
      orderBy: { createdAt: "desc" },
      take: EARLIER_MESSAGES,
      select: { content: true },
    });
    const sentiment = classifyVisitorTurn(message.content, earlier.map((row) => row.content));
    await ctx.prisma.message.update({
      where: { id: message.id },
      data: { metadata: { ...asObject(message.metadata), sentiment: sentiment.sentiment, sentimentReasons: sentiment.reasons } },
    });
    if (sentiment.sentiment !== "frustrated") return { sentiment, suggestHandoff: false };
    const frustrated = await ctx.prisma.message.count({
      where: { conversationId: input.conversationId, organizationId: ctx.organizationId, role: "user", metadata: { path: ["sentiment"], equals: "frustrated" } },
    });
    if (frustrated < FRUSTRATED_TURNS_FOR_HANDOFF) return { sentiment, suggestHandoff: false };
    const conversation = await ctx.prisma.conversation.findFirst({ where: { id: input.conversationId, organizationId: ctx.organizationId } });
    if (!conversation || asObject(conversation.metadata).flagged) return { sentiment, suggestHandoff: false };
    await ctx.prisma.conversation.update({
      where: { id: conversation.id },
      data: { metadata: { ...asObject(conversation.metadata), flagged: true, flagReason: "frustrated", flaggedAt: new Date().toISOString() } },
    });
    return { sentiment, suggestHandoff: true };
  } catch (error) {
    ctx.logger.error({ err: error, conversationId: input.conversationId }, "could not assess a visitor turn");
    return null;
  }
}
