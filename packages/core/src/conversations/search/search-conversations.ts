import { reciprocalRankFusion } from "@frontdesk/rag";
import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { queryVectorsByModel } from "./conversation-embeddings";
import { toConversationHits } from "./hits";
import { bestPerConversation, nearestMessages, wordMatches, type MessageMatch } from "./message-matches";
import { searchConversationsInput, type ConversationHits, type SearchConversationsInput } from "./schemas";

/** Messages fetched per side before fusing (several may come from one conversation). */
const CANDIDATES = 200;
/**
 * Meaning matches below this cosine similarity are left out: nearest-neighbour search always returns something,
 * and a search box should not list conversations that merely exist.
 */
export const MIN_CONVERSATION_SIMILARITY = 0.3;

/**
 * The organization's conversations whose visitor or caller messages match `q` by meaning (vectors of the bots'
 * knowledge base models) or by words, fused by reciprocal rank; each with its best matching message.
 */
export async function searchConversations(ctx: ServiceContext, input: SearchConversationsInput): Promise<ConversationHits> {
  const { q, botId, limit } = parseInput(searchConversationsInput, input);
  if (botId && !(await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, select: { id: true } }))) throw notFound("Bot");
  const ranked = await rankConversations(ctx, q, { botId, limit: CANDIDATES });
  return { data: await toConversationHits(ctx, ranked.slice(0, limit)) };
}

/** Conversations best first for a query (fused meaning + words), each at its best message. */
export async function rankConversations(ctx: ServiceContext, q: string, scope: { botId?: string | undefined; limit: number }): Promise<Array<MessageMatch & { score: number }>> {
  const queries = await queryVectorsByModel(ctx, q);
  const [meaningLists, words] = await Promise.all([
    Promise.all(queries.map((query) => nearestMessages(ctx, query, scope))),
    wordMatches(ctx, q, scope),
  ]);
  const meaning = bestPerConversation(
    meaningLists
      .flat()
      .filter((match) => match.score >= MIN_CONVERSATION_SIMILARITY)
      .sort((a, b) => b.score - a.score),
  );
  const byWords = bestPerConversation(words);
  const fused = reciprocalRankFusion([{ ids: meaning.map((match) => match.conversationId) }, { ids: byWords.map((match) => match.conversationId) }]);
  // The message shown is the word match when there is one (the visitor's own words are easiest to recognise).
  const best = new Map([...meaning, ...byWords].map((match) => [match.conversationId, match]));
  return fused.map((hit) => ({ ...best.get(hit.id)!, score: hit.score }));
}
