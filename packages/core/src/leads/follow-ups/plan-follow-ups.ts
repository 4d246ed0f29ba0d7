import type { ServiceContext } from "../../context";
import { followUpChannelFor, followUpDelayMs, readFollowUps } from "./schemas";

export interface FollowUpPlan {
  /** When the answer the sequence follows was written (epoch ms): the first wait counts from here. */
  startedAt: number;
  /** Each step's wait after the previous one, in ms. */
  delaysMs: number[];
}

/**
 * The bot's sequence for one answer, as waits; null when the bot has none, the answer is gone, or the lead left
 * no phone number or email any step could reach (a later answer, after they give one, starts a new sequence).
 */
export async function planFollowUps(ctx: ServiceContext, input: { conversationId: string; afterMessageId: string }): Promise<FollowUpPlan | null> {
  const answer = await ctx.prisma.message.findFirst({
    where: { id: input.afterMessageId, conversationId: input.conversationId, organizationId: ctx.organizationId },
    select: { createdAt: true, conversation: { select: { channel: true, bot: { select: { followUps: true } }, lead: { select: { phone: true, email: true } } } } },
  });
  if (!answer) return null;
  const steps = readFollowUps(answer.conversation.bot.followUps);
  const lead = answer.conversation.lead;
  const reachable = steps.some((step) => (followUpChannelFor(step.channel, answer.conversation.channel, lead ?? null) === "email" ? lead?.email : lead?.phone));
  if (steps.length === 0 || !reachable) return null;
  return { startedAt: answer.createdAt.getTime(), delaysMs: steps.map((step) => followUpDelayMs(step.after) ?? 0) };
}
