import { z } from "zod";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { parseInput } from "../parse-input";
import { isRecordId } from "../record-id";

export const answerRatingSchema = z.enum(["up", "down"]);
export type AnswerRating = z.infer<typeof answerRatingSchema>;

export const rateAnswerInput = z.object({
  visitorId: z.string().trim().min(1, "visitorId is required").max(128),
  /** Thumbs up or down; null takes the rating back. */
  rating: answerRatingSchema.nullable(),
});
export type RateAnswerInput = z.input<typeof rateAnswerInput>;

export const ratedAnswerSchema = z.object({ messageId: z.string(), rating: answerRatingSchema.nullable() });
export type RatedAnswer = z.infer<typeof ratedAnswerSchema>;

/**
 * A visitor rates one of the bot's answers in their own conversation (widget only). The rating lives in the
 * answer's metadata (`rating`, `ratedAt`, `ratedBy`), where the analytics overview counts thumbs and resolution.
 */
export async function rateAnswer(ctx: ServiceContext, conversationId: string, messageId: string, input: RateAnswerInput): Promise<RatedAnswer> {
  if (ctx.actor.type !== "widget") throw new AppError("forbidden", "Rating is for the widget");
  const { visitorId, rating } = parseInput(rateAnswerInput, input);
  if (!isRecordId(conversationId) || !isRecordId(messageId)) throw notFound("Message");
  const answer = await ctx.prisma.message.findFirst({
    where: {
      id: messageId,
      organizationId: ctx.organizationId,
      role: "assistant",
      conversation: { id: conversationId, botId: ctx.actor.botId, visitorId },
    },
    select: { id: true },
  });
  if (!answer) throw notFound("Message");
  await setAnswerRating(ctx, answer.id, rating, "visitor");
  return { messageId: answer.id, rating };
}

/**
 * Writes (or with null removes) an answer's rating in one statement, so a rating never overwrites metadata the
 * learning loop writes at the same time. `ratedBy` is "visitor" (thumbs) or "reply" ("that didn't help").
 */
export async function setAnswerRating(ctx: ServiceContext, messageId: string, rating: AnswerRating | null, ratedBy: "visitor" | "reply"): Promise<void> {
  const patch = rating ? { rating, ratedBy, ratedAt: new Date().toISOString() } : {};
  await ctx.prisma.$executeRaw`
    UPDATE message SET metadata = (metadata - 'rating' - 'ratedBy' - 'ratedAt') || ${JSON.stringify(patch)}::jsonb
     WHERE id = ${messageId} AND "organizationId" = ${ctx.organizationId}`;
}
