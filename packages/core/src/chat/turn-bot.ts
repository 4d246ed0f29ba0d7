import type { Bot, Prisma } from "@frontdesk/db";
import { timeSpan } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { recentReads } from "../recent-reads";
import { searchedKnowledgeBaseFields } from "../knowledge/search-knowledge";

/**
 * What a chat turn reads of its bot: the row and its knowledge bases with what searching them needs (web chat also
 * embeds the question early with their models) and when each was linked (the oldest's model embeds its conversations). Links in a fixed order, so that two reads of an unchanged bot are equal.
 * (Other callers load a bot with this include; a turn reads the same fields with loadTurnBot.)
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
  const fresh = timeSpan("chat.loadBot", () => loadTurnBot(ctx, botId));
  remembered.track(ctx.prisma, key, fresh);
  return { recent, fresh };
}

/** The same bot row, settings and knowledge bases: what a turn started with `recent` still holds for `fresh`. */
export function sameTurnBot(recent: LoadedTurnBot, fresh: LoadedTurnBot): boolean {
  return JSON.stringify(recent) === JSON.stringify(fresh);
}

/**
 * The bot with withKnowledgeBaseSettings's links, in one round trip: the row and the links with their knowledge bases
 * are two statements sent at once (Prisma's include sent three, each waiting for the one before).
 */
export async function loadTurnBot(ctx: ServiceContext, botId: string): Promise<LoadedTurnBot | null> {
  const [bot, links] = await Promise.all([
    ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId } }),
    ctx.prisma.$queryRaw<LinkRow[]>`
      SELECT bk."knowledgeBaseId", bk."createdAt", kb."embeddingModel", kb."retrievalSettings"
        FROM bot_knowledge_base bk
        JOIN knowledge_base kb ON kb.id = bk."knowledgeBaseId"
       WHERE bk."botId" = ${botId} AND bk."organizationId" = ${ctx.organizationId}
       ORDER BY bk."knowledgeBaseId"`,
  ]);
  return bot ? withLinks(bot, links) : null;
}

/** A link of the bot with its knowledge base's searched fields (SearchedKnowledgeBase), as loadTurnBot reads it. */
interface LinkRow {
  knowledgeBaseId: string;
  createdAt: Date;
  embeddingModel: string;
  retrievalSettings: Prisma.JsonValue;
}

function withLinks(bot: Bot, links: readonly LinkRow[]): LoadedTurnBot {
  return {
    ...bot,
    knowledgeBases: links.map((link) => ({
      knowledgeBaseId: link.knowledgeBaseId,
      createdAt: link.createdAt,
      knowledgeBase: { id: link.knowledgeBaseId, embeddingModel: link.embeddingModel, retrievalSettings: link.retrievalSettings },
    })),
  };
}
