import type { Bot, Call } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { upsertConversationLead } from "../leads/upsert-conversation-lead";
import { emitConversationCreated } from "../webhooks/emit-chat-events";
import type { VapiMessage } from "./vapi-message";
import { isUniqueViolation } from "../unique-violation";


function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The Call (and its voice conversation) a message belongs to, created by the call's first message. Messages of one
 * call arrive concurrently, so creation races are settled by the (botId, vapiCallId) unique key. Fields every
 * message may carry (customer number, control URL, start time) are filled in as they first appear.
 */
export async function ensureCall(ctx: ServiceContext, bot: Pick<Bot, "id">, message: VapiMessage & { call: NonNullable<VapiMessage["call"]> }): Promise<Call> {
  const vapiCallId = message.call.id;
  const known = {
    customerNumber: message.customerNumber,
    controlUrl: message.call.monitor?.controlUrl,
    startedAt: parseDate(message.call.startedAt),
  };
  let call = await ctx.prisma.call.findUnique({ where: { botId_vapiCallId: { botId: bot.id, vapiCallId } } });
  if (!call) {
    try {
      const created = await ctx.prisma.$transaction(async (tx) => {
        const conversation = await tx.conversation.create({
          data: { organizationId: ctx.organizationId, botId: bot.id, channel: "voice", visitorId: known.customerNumber ?? null, metadata: { vapiCallId } },
        });
        const row = await tx.call.create({
          data: {
            organizationId: ctx.organizationId,
            botId: bot.id,
            conversationId: conversation.id,
            vapiCallId,
            customerNumber: known.customerNumber ?? null,
            controlUrl: known.controlUrl ?? null,
            startedAt: known.startedAt ?? null,
          },
        });
        return { conversation, row };
      });
      await emitConversationCreated(ctx, created.conversation);
      await recordCaller(ctx, created.row);
      return created.row;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      call = await ctx.prisma.call.findUniqueOrThrow({ where: { botId_vapiCallId: { botId: bot.id, vapiCallId } } });
    }
  }
  const fill = {
    ...(known.customerNumber && !call.customerNumber ? { customerNumber: known.customerNumber } : {}),
    ...(known.controlUrl && known.controlUrl !== call.controlUrl ? { controlUrl: known.controlUrl } : {}),
    ...(known.startedAt && !call.startedAt ? { startedAt: known.startedAt } : {}),
  };
  if (Object.keys(fill).length === 0) return call;
  const updated = await ctx.prisma.call.update({ where: { id: call.id }, data: fill });
  if (fill.customerNumber) await recordCaller(ctx, updated);
  return updated;
}

/**
 * The number the call comes from is the caller's own, like an SMS sender's: it becomes the conversation's lead at
 * once, so tools with side effects (the tool guard) may act on it during the call, and qualification can follow.
 */
async function recordCaller(ctx: ServiceContext, call: Call): Promise<void> {
  if (!call.customerNumber) return;
  await upsertConversationLead(ctx, { botId: call.botId, conversationId: call.conversationId, contact: { phone: call.customerNumber }, source: "voice" });
}
