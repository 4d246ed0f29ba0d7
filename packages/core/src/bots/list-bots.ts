import type { ServiceContext } from "../context";
import type { BotView } from "./schemas";
import { toBotView, withKnowledgeBaseIds } from "./views";

export async function listBots(ctx: ServiceContext): Promise<BotView[]> {
  const bots = await ctx.prisma.bot.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
    include: withKnowledgeBaseIds,
  });
  return bots.map(toBotView);
}
