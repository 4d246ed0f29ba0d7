import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { embeddingCatalog } from "./embedding-catalog";
import { searchedKnowledgeBaseFields, type SearchedKnowledgeBase } from "./searched-knowledge-base";
import { recentReads } from "../recent-reads";

/** Scopes remembered per deployment; the oldest is forgotten past this many. */
const REMEMBERED_SCOPES = 1_000;
const remembered = recentReads<SearchedKnowledgeBase[]>(REMEMBERED_SCOPES);

/**
 * resolveSearchScope two ways, as a chat turn reads its bot (readTurnBot): `fresh` is read now and is the one the
 * search goes by; `recent` is the same scope as this process last resolved it, known at once, so that the search
 * can start before `fresh` arrives. The caller compares the two (sameSearchScope) and searches again with `fresh`
 * when they differ, so nothing is answered from a scope not read for this request.
 */
export function readSearchScope(
  ctx: ServiceContext,
  scope: { knowledgeBaseId?: string | undefined; botId?: string | undefined },
): { recent: SearchedKnowledgeBase[] | undefined; fresh: Promise<SearchedKnowledgeBase[]> } {
  const key = `${ctx.organizationId}\n${scope.knowledgeBaseId ?? ""}\n${scope.botId ?? ""}`;
  const recent = remembered.get(ctx.prisma, key);
  const fresh = resolveSearchScope(ctx, scope);
  remembered.track(ctx.prisma, key, fresh);
  return { recent, fresh };
}

/** The same knowledge bases with the same search fields. */
export function sameSearchScope(recent: readonly SearchedKnowledgeBase[], fresh: readonly SearchedKnowledgeBase[]): boolean {
  return JSON.stringify(recent) === JSON.stringify(fresh);
}

/**
 * Which knowledge bases a search covers: one, a bot's, or all of the organization's, with what searching them needs
 * (read here once, so the search does not read them again). Knowledge bases embedded with a model this deployment
 * cannot build (e.g. its API key was removed) cannot be searched.
 */
export async function resolveSearchScope(
  ctx: ServiceContext,
  scope: { knowledgeBaseId?: string | undefined; botId?: string | undefined },
): Promise<SearchedKnowledgeBase[]> {
  const catalog = embeddingCatalog(ctx.rag);
  const searchable = (kb: { embeddingModel: string }) => catalog.resolve(kb.embeddingModel) !== null;
  if (scope.knowledgeBaseId) {
    const kb = await ctx.prisma.knowledgeBase.findFirst({
      where: { id: scope.knowledgeBaseId, organizationId: ctx.organizationId },
      select: searchedKnowledgeBaseFields,
    });
    if (!kb) throw notFound("Knowledge base");
    if (!searchable(kb)) {
      throw new AppError(
        "conflict",
        `knowledge base was embedded with ${kb.embeddingModel}, which this server cannot build; configure it or re-embed the knowledge base`,
      );
    }
    return [kb];
  }
  if (scope.botId) {
    const bot = await ctx.prisma.bot.findFirst({
      where: { id: scope.botId, organizationId: ctx.organizationId },
      select: { knowledgeBases: { select: { knowledgeBase: { select: searchedKnowledgeBaseFields } } } },
    });
    if (!bot) throw notFound("Bot");
    return bot.knowledgeBases.map((link) => link.knowledgeBase).filter(searchable);
  }
  const all = await ctx.prisma.knowledgeBase.findMany({
    where: { organizationId: ctx.organizationId },
    select: searchedKnowledgeBaseFields,
  });
  return all.filter(searchable);
}
