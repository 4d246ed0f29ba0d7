import type { ServiceContext } from "../context";
import { getKnowledgeBaseOrThrow } from "../knowledge/get-knowledge-base";
import { getBot, getBotOrThrow } from "./get-bot";
import type { BotView } from "./schemas";

/** Idempotent: unlinking a knowledge base that is not linked changes nothing. */
export async function unlinkKnowledgeBase(ctx: ServiceContext, botId: string, knowledgeBaseId: string): Promise<BotView> {
  const bot = await getBotOrThrow(ctx, botId);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  await ctx.prisma.botKnowledgeBase.deleteMany({
    where: { botId: bot.id, knowledgeBaseId: kb.id, organizationId: ctx.organizationId },
  });
  return getBot(ctx, bot.id);
}
