import { embedQueryCached, reciprocalRankFusion, timeSpan } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { embeddingCatalog } from "./embedding-catalog";
import { expandedTextQuery, tableQueryExpander, type AppliedExpansion } from "./expansions/table-query-expander";
import { resolveSearchScope } from "./resolve-search-scope";
import { readRetrievalSettings, toFusionOptions, type RetrievalSettings } from "./retrieval-settings";
import { retrieveChunks } from "./retrieve-chunks";
import { searchKnowledgeInput, type SearchFilters, type SearchKnowledgeInput, type SearchResult } from "./schemas";

/** Hybrid (vector + full-text) search over one knowledge base, a bot's knowledge bases, or the whole organization. */
export async function searchKnowledge(ctx: ServiceContext, input: SearchKnowledgeInput): Promise<SearchResult[]> {
  const { query, limit, knowledgeBaseId, botId, filters } = parseInput(searchKnowledgeInput, input);
  const knowledgeBaseIds = await resolveSearchScope(ctx, { knowledgeBaseId, botId });
  return searchKnowledgeBases(ctx, { query, knowledgeBaseIds, limit, filters });
}

/** What searching a knowledge base reads of it. */
export const searchedKnowledgeBaseFields = { id: true, embeddingModel: true, retrievalSettings: true } as const;
export interface SearchedKnowledgeBase {
  id: string;
  embeddingModel: string;
  retrievalSettings: unknown;
}

export interface SearchKnowledgeBasesInput {
  query: string;
  knowledgeBaseIds: string[];
  /**
   * The knowledge bases of `knowledgeBaseIds` with their search fields, when the caller already loaded them in the
   * organization (chat, with the bot): the search does not read them again.
   */
  knowledgeBases?: readonly SearchedKnowledgeBase[] | undefined;
  /** Default: the knowledge bases' retrievalSettings.topK. */
  limit?: number;
  /** Overrides the knowledge bases' retrievalSettings.minScore (a bot's answer settings). */
  minScore?: number;
  filters?: SearchFilters;
  /** Receives the query expansions the search applied (chat counts their use and success). */
  onExpansionsApplied?: ((applied: AppliedExpansion[]) => void) | undefined;
}

/**
 * Shared with chat, which already knows the bot's knowledge bases. Each knowledge base is searched with its
 * own retrieval settings, its own embedding model's query vector and its query expansions; knowledge bases
 * that share model and settings are searched together (one ranking). Differing groups are merged by
 * reciprocal rank fusion, since their scores are not comparable.
 */
export async function searchKnowledgeBases(ctx: ServiceContext, input: SearchKnowledgeBasesInput): Promise<SearchResult[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const knowledgeBases = input.knowledgeBases
    ? [...input.knowledgeBases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : await timeSpan("search.loadKnowledgeBases", () =>
        ctx.prisma.knowledgeBase.findMany({
          where: { id: { in: input.knowledgeBaseIds }, organizationId: ctx.organizationId },
          select: searchedKnowledgeBaseFields,
          orderBy: { id: "asc" },
        }),
      );
  const groups = new Map<string, { model: string; settings: RetrievalSettings; knowledgeBaseIds: string[] }>();
  for (const kb of knowledgeBases) {
    const settings = readRetrievalSettings(kb.retrievalSettings);
    const key = `${kb.embeddingModel}\n${JSON.stringify(settings)}`;
    const group = groups.get(key) ?? { model: kb.embeddingModel, settings, knowledgeBaseIds: [] };
    group.knowledgeBaseIds.push(kb.id);
    groups.set(key, group);
  }
  const catalog = embeddingCatalog(ctx.rag);
  const queryVectors = new Map<string, Promise<number[]>>();
  const vectorFor = (model: string) => {
    let vector = queryVectors.get(model);
    if (!vector) {
      vector = timeSpan("search.embedQuery", () => catalog.load(model).then((provider) => embedQueryCached(provider.embeddings, input.query)));
      queryVectors.set(model, vector);
    }
    return vector;
  };
  const rankings = await Promise.all(
    [...groups.values()].map(async ({ model, settings, knowledgeBaseIds }) => {
      // The query is embedded while the expansions are read (a failure surfaces where it is awaited, below).
      const queryVector = vectorFor(model);
      queryVector.catch(() => undefined);
      const applied: AppliedExpansion[] = [];
      const expander = tableQueryExpander(ctx.prisma, { onApplied: (rows) => applied.push(...rows) });
      const expansions = await timeSpan("search.expansions", () => expander.expand(input.query, { organizationId: ctx.organizationId, knowledgeBaseIds }));
      if (applied.length > 0) input.onExpansionsApplied?.(applied);
      const fusion = toFusionOptions(settings);
      return retrieveChunks(ctx, {
        query: input.query,
        ...(applied.length > 0 ? { textQuery: expandedTextQuery(input.query, expansions, applied) } : {}),
        queryVector: await queryVector,
        knowledgeBaseIds,
        limit: input.limit ?? settings.topK,
        fusion: input.minScore !== undefined ? { ...fusion, minScore: input.minScore } : fusion,
        filters: input.filters,
        rerank: settings.rerank,
      });
    }),
  );
  if (rankings.length === 1) return rankings[0] ?? [];
  const byId = new Map(rankings.flat().map((hit) => [hit.chunkId, hit]));
  const limit = input.limit ?? Math.max(...[...groups.values()].map((group) => group.settings.topK));
  return reciprocalRankFusion(rankings.map((ranking) => ({ ids: ranking.map((hit) => hit.chunkId) })))
    .slice(0, limit)
    .flatMap(({ id }) => byId.get(id) ?? []);
}
