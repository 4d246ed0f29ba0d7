import type { Bot } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import type { BotView } from "./schemas";
import { toBotView, withKnowledgeBaseIds } from "./views";

export async function getBotOrThrow(ctx: ServiceContext, id: string): Promise<Bot> {
  const bot = await ctx.prisma.bot.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!bot) throw notFound("Bot");
  return bot;
}

export async function getBot(ctx: ServiceContext, id: string): Promise<BotView> {
  const bot = await ctx.prisma.bot.findFirst({
    where: { id, organizationId: ctx.organizationId },
    include: withKnowledgeBaseIds,
  });
  if (!bot) throw notFound("Bot");
  return toBotView(bot);
}
