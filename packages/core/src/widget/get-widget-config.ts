import { z } from "zod";
import { appearanceSchema, readAppearance } from "../bots/widget-settings";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { widgetStringKeys, widgetStrings } from "./widget-strings";

export const widgetConfigSchema = z.object({
  /** appearance.name when set, else the bot's name. */
  botName: z.string(),
  greeting: z.string(),
  /** The rest of Bot.appearance (only keys the owner set); the embed's data-* attributes override these. */
  appearance: appearanceSchema.omit({ name: true }),
  /** The widget's UI strings in the requested locale (the embed's data-locale), else the bot's, else English. */
  strings: z.record(z.enum(widgetStringKeys), z.string()),
});
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/** The little the widget needs before the first message; nothing here is secret. */
export async function getWidgetConfig(ctx: ServiceContext, options: { locale?: string | undefined } = {}): Promise<WidgetConfig> {
  if (ctx.actor.type !== "widget") throw new AppError("forbidden", "Widget configuration needs a bot key");
  const bot = await ctx.prisma.bot.findFirst({
    where: { id: ctx.actor.botId, organizationId: ctx.organizationId },
    select: { name: true, greeting: true, appearance: true },
  });
  if (!bot) throw notFound("Bot");
  const { name, ...appearance } = readAppearance(bot.appearance);
  return {
    botName: name ?? bot.name,
    greeting: bot.greeting,
    appearance,
    strings: widgetStrings(options.locale?.slice(0, 35) || appearance.locale),
  };
}
