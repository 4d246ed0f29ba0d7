import { z } from "zod";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";

export const widgetConfigSchema = z.object({ botName: z.string(), greeting: z.string() });
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/** The little the widget needs before the first message; nothing here is secret. */
export async function getWidgetConfig(ctx: ServiceContext): Promise<WidgetConfig> {
  if (ctx.actor.type !== "widget") throw new AppError("forbidden", "Widget configuration needs a bot key");
  const bot = await ctx.prisma.bot.findFirst({
    where: { id: ctx.actor.botId, organizationId: ctx.organizationId },
    select: { name: true, greeting: true },
  });
  if (!bot) throw notFound("Bot");
  return { botName: bot.name, greeting: bot.greeting };
}
