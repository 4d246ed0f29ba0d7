import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { searchConversations } from "./search/search-conversations";
import { listConversationsInput, type ConversationPage, type ListConversationsInput } from "./schemas";
import { toConversationView, withMessageCount } from "./views";

/** Asked for a person (status handoff) and nobody has taken it over yet. */
export const waitingForPerson = { status: "handoff", assigneeId: null } as const;

/**
 * Most recently active first; pass `nextCursor` back as `cursor` for the next page. With `q`, a search by meaning
 * and words instead (best match first, one page; see searchConversations).
 */
export async function listConversations(ctx: ServiceContext, input: ListConversationsInput = {}): Promise<ConversationPage> {
  const { q, botId, status, waiting, channel, preview, limit, cursor } = parseInput(listConversationsInput, input);
  if (q) return { ...(await searchConversations(ctx, { q, botId, limit })), nextCursor: null };
  const rows = await ctx.prisma.conversation.findMany({
    where: {
      organizationId: ctx.organizationId,
      ...(botId ? { botId } : {}),
      ...(status ? { status } : {}),
      ...(channel ? { channel } : {}),
      ...(waiting === "true" ? waitingForPerson : waiting === "false" ? { NOT: waitingForPerson } : {}),
      ...(preview === "include" ? {} : { preview: preview === "only" }),
    },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: withMessageCount,
  });
  const page = rows.slice(0, limit);
  return {
    data: page.map(toConversationView),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
