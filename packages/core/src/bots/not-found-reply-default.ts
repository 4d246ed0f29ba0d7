import { defaultNotFoundReply } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { getBotOrThrow } from "./get-bot";
import { readAppearance } from "./widget-settings";

/**
 * What the bot says when nothing in its knowledge answers and its owner wrote no reply of their own, in the bot's
 * widget language (English when unset): the admin shows it as the field's placeholder. Visitors get it in the
 * language of their question (rag's notFoundReply).
 */
export async function getNotFoundReplyDefault(ctx: ServiceContext, botId: string): Promise<{ reply: string }> {
  const bot = await getBotOrThrow(ctx, botId);
  return { reply: defaultNotFoundReply(readAppearance(bot.appearance).locale) };
}
