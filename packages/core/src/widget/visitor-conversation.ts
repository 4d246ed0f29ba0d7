import { z } from "zod";
import type { ServiceContext } from "../context";
import { isVisibleToVisitor, toVisitorMessage, visitorMessageSchema } from "../conversations/visitor-message";
import { AppError, notFound } from "../errors";
import { widgetMessagesAfterInput } from "../handoff/schemas";
import { parseInput } from "../parse-input";
import { isRecordId } from "../record-id";

export const visitorConversationSchema = z.object({
  id: z.string(),
  status: z.enum(["open", "handoff", "closed"]),
  messages: z.array(visitorMessageSchema),
});
export type VisitorConversation = z.infer<typeof visitorConversationSchema>;

/**
 * The visitor's view of their conversation (widget only): status and visible messages oldest first, or only
 * those after `after` (a message id the widget already has) when it polls for a person's replies.
 */
export async function getVisitorConversation(
  ctx: ServiceContext,
  conversationId: string,
  input: { visitorId?: string; after?: string },
): Promise<VisitorConversation> {
  if (ctx.actor.type !== "widget") throw new AppError("forbidden", "This view is for the widget");
  if (!input.visitorId || !isRecordId(conversationId)) throw notFound("Conversation");
  const { visitorId, after } = parseInput(widgetMessagesAfterInput, input);
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { id: conversationId, organizationId: ctx.organizationId, botId: ctx.actor.botId, visitorId },
    select: { id: true, status: true },
  });
  if (!conversation) throw notFound("Conversation");
  const where = { conversationId: conversation.id, organizationId: ctx.organizationId };
  const anchor = after ? await ctx.prisma.message.findFirst({ where: { ...where, id: after }, select: { id: true, createdAt: true } }) : null;
  const messages = await ctx.prisma.message.findMany({
    where: {
      ...where,
      role: { in: ["user", "assistant", "operator"] },
      // Same (createdAt, id) order as the listing, so two messages in the same millisecond are not skipped.
      ...(anchor ? { OR: [{ createdAt: { gt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { gt: anchor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { id: conversation.id, status: conversation.status, messages: messages.filter(isVisibleToVisitor).map(toVisitorMessage) };
}
