import type { ServiceContext } from "../../context";
import { readFollowUps } from "./schemas";

/**
 * After the bot answered a visitor: queue the bot's follow-up sequence for this answer
 * (`leads/follow-up.requested`, run by the worker's follow-up-quiet-lead function). Nothing is queued for a bot
 * without follow-ups. Never throws: follow-ups must not fail the chat turn.
 */
export async function requestFollowUps(ctx: ServiceContext, input: { conversationId: string; answerMessageId: string; followUps: unknown }): Promise<void> {
  if (readFollowUps(input.followUps).length === 0) return;
  try {
    await ctx.events.send({
      name: "leads/follow-up.requested",
      id: `follow-up-${input.answerMessageId}`,
      data: { organizationId: ctx.organizationId, conversationId: input.conversationId, afterMessageId: input.answerMessageId },
    });
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: input.conversationId }, "could not queue follow-ups");
  }
}

/**
 * The visitor wrote again (or booked): tells waiting follow-up sequences of the conversation to stop
 * (`leads/conversation.engaged`). Sent only when the bot has follow-ups; never throws.
 */
export async function noteLeadEngaged(ctx: ServiceContext, input: { conversationId: string; reason: "replied" | "booked"; followUps?: unknown }): Promise<void> {
  try {
    const followUps =
      input.followUps ??
      (await ctx.prisma.conversation.findFirst({ where: { id: input.conversationId, organizationId: ctx.organizationId }, select: { bot: { select: { followUps: true } } } }))?.bot
        .followUps;
    if (readFollowUps(followUps).length === 0) return;
    await ctx.events.send({
      name: "leads/conversation.engaged",
      data: { organizationId: ctx.organizationId, conversationId: input.conversationId, reason: input.reason },
    });
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: input.conversationId }, "could not stop follow-ups");
  }
}
