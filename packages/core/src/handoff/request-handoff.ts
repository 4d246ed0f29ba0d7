import type { Conversation } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { publishLive } from "../live";
import { emitDomainEvent } from "../webhooks/emit-domain-event";

export const HANDOFF_NOTICE = "I've asked a person from our team to join. They'll reply here as soon as they can.";

/** Why a person is asked to join: the visitor asked, or the bot found nothing for several questions in a row. */
export type HandoffReason = "asked" | "unanswered";

/** Marks the conversation as waiting for a person (idempotent) and records the bot's notice to the visitor. */
export async function requestHandoff(ctx: ServiceContext, conversation: Conversation, options: { reason?: HandoffReason } = {}) {
  const now = new Date();
  await ctx.prisma.conversation.update({
    where: { id: conversation.id },
    data: { status: "handoff", handoffRequestedAt: conversation.handoffRequestedAt ?? now, lastMessageAt: now },
  });
  const notice = await ctx.prisma.message.create({
    data: { organizationId: ctx.organizationId, conversationId: conversation.id, role: "assistant", content: HANDOFF_NOTICE, metadata: { type: "handoff_notice" } },
  });
  // Other tabs and devices following this conversation show "waiting for a person".
  await publishLive(ctx, { organizationId: ctx.organizationId, conversationId: conversation.id, kind: "status" });
  if (!conversation.handoffRequestedAt) {
    await emitDomainEvent(ctx, "handoff.requested", {
      conversationId: conversation.id,
      botId: conversation.botId,
      visitorId: conversation.visitorId,
      requestedAt: now.toISOString(),
    });
    try {
      await ctx.events.send({
        name: "leads/escalation.requested",
        id: `escalation-${conversation.id}-${now.getTime()}`,
        data: { organizationId: ctx.organizationId, conversationId: conversation.id, requestedAt: now.toISOString(), reason: options.reason ?? "asked" },
      });
    } catch (error) {
      ctx.logger.warn({ err: error, conversationId: conversation.id }, "could not queue the escalation email");
    }
  }
  return notice;
}
