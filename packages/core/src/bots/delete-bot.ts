import type { ServiceContext } from "../context";
import { getBotOrThrow } from "./get-bot";

/** Conversations and messages cascade; knowledge bases stay (they may serve other bots). */
export async function deleteBot(ctx: ServiceContext, id: string): Promise<{ id: string; deleted: true }> {
  const bot = await getBotOrThrow(ctx, id);
  await ctx.prisma.bot.delete({ where: { id: bot.id } });
  return { id: bot.id, deleted: true };
}
