import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";

/** Operator actions are for the organization's people and API keys, never the public widget. */
export async function conversationForOperator(ctx: ServiceContext, conversationId: string) {
  if (ctx.actor.type === "widget") throw new AppError("forbidden", "Only the organization can act on conversations");
  const conversation = await ctx.prisma.conversation.findFirst({ where: { id: conversationId, organizationId: ctx.organizationId } });
  if (!conversation) throw notFound("Conversation");
  return conversation;
}

export const actingUserId = (ctx: ServiceContext): string | null => (ctx.actor.type === "user" ? ctx.actor.userId : null);
