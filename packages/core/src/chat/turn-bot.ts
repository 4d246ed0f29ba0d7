import type { Prisma } from "@frontdesk/db";
import { timeSpan } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { recentReads } from "../recent-reads";
import { searchedKnowledgeBaseFields } from "../knowledge/search-knowledge";

/**
 * What a chat turn reads of its bot: the row and its knowledge bases with what searching them needs (web chat also
 * embeds the question early with their models) and when each was linked (the oldest's model embeds its conversations). Links in a fixed order, so that two reads of an unchanged bot are equal.
 */
export const withKnowledgeBaseSettings = {
  knowledgeBases: { select: { knowledgeBaseId: true, createdAt: true, knowledgeBase: { select: searchedKnowledgeBaseFields } }, orderBy: { knowledgeBaseId: "asc" } },
} as const satisfies Prisma.BotInclude;

export type LoadedTurnBot = Prisma.BotGetPayload<{ include: typeof withKnowledgeBaseSettings }>;

/** Bots remembered per deployment; the oldest is forgotten past this many. */
const REMEMBERED_BOTS = 1_000;
const remembered = recentReads<LoadedTurnBot>(REMEMBERED_BOTS);

/**
 * The bot of a chat turn, two ways: `fresh` is read from the database on every turn and is the one the turn goes by;
 * `recent` is the bot as this process last read it (for an earlier turn), known at once, so that the question's
 * embedding and search can start before `fresh` arrives. The turn compares the two (sameTurnBot) and searches again
 * with `fresh` when the bot changed in between, so an edit made anywhere applies to the next turn, as before: a
 * process never answers from a bot it did not read in this turn, it only starts earlier.
 */
export function readTurnBot(ctx: ServiceContext, botId: string): { recent: LoadedTurnBot | undefined; fresh: Promise<LoadedTurnBot | null> } {
  const key = `${ctx.organizationId}\n${botId}`;
  const recent = remembered.get(ctx.prisma, key);
  const fresh = timeSpan("chat.loadBot", () =>
    ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, include: withKnowledgeBaseSettings }),
  );
  remembered.track(ctx.prisma, key, fresh);
  return { recent, fresh };
}

/** The same bot row, settings and knowledge bases: what a turn started with `recent` still holds for `fresh`. */
export function sameTurnBot(recent: LoadedTurnBot, fresh: LoadedTurnBot): boolean {
  return JSON.stringify(recent) === JSON.stringify(fresh);
}
