import type { ServiceContext } from "../context";
import { getKnowledgeBaseOrThrow } from "../knowledge/get-knowledge-base";
import { getBot, getBotOrThrow } from "./get-bot";
import type { BotView } from "./schemas";

/** Idempotent: linking an already linked knowledge base changes nothing. */
export async function linkKnowledgeBase(ctx: ServiceContext, botId: string, knowledgeBaseId: string): Promise<BotView> {
  const bot = await getBotOrThrow(ctx, botId);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  await ctx.prisma.botKnowledgeBase.upsert({
    where: { botId_knowledgeBaseId: { botId: bot.id, knowledgeBaseId: kb.id } },
    create: { botId: bot.id, knowledgeBaseId: kb.id, organizationId: ctx.organizationId },
    update: {},
  });
  return getBot(ctx, bot.id);
}
