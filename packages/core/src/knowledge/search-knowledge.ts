import { addSpan, embedQueryCached, reciprocalRankFusion, timeSpan } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { embeddingCatalog } from "./embedding-catalog";
import { expandedTextQuery, tableQueryExpander, type AppliedExpansion } from "./expansions/table-query-expander";
import { readSearchScope, sameSearchScope } from "./resolve-search-scope";
import { readRetrievalSettings, toFusionOptions, type RetrievalSettings } from "./retrieval-settings";
import { retrieveChunks } from "./retrieve-chunks";
import { searchKnowledgeInput, type SearchFilters, type SearchKnowledgeInput, type SearchResult } from "./schemas";
import { searchedKnowledgeBaseFields, type SearchedKnowledgeBase } from "./searched-knowledge-base";

export { searchedKnowledgeBaseFields, type SearchedKnowledgeBase } from "./searched-knowledge-base";

/** Hybrid (vector + full-text) search over one knowledge base, a bot's knowledge bases, or the whole organization. */
export async function searchKnowledge(ctx: ServiceContext, input: SearchKnowledgeInput): Promise<SearchResult[]> {
  const { query, limit, knowledgeBaseId, botId, filters } = parseInput(searchKnowledgeInput, input);
  // The scope's read brings the knowledge bases' search settings: the search does not read them again. It starts
  // with the scope as this process last read it while the scope is read again, and again if that differs.
  const search = (knowledgeBases: SearchedKnowledgeBase[]) =>
    searchKnowledgeBases(ctx, { query, knowledgeBaseIds: knowledgeBases.map((kb) => kb.id), knowledgeBases, limit, filters });
  const { recent, fresh } = readSearchScope(ctx, { knowledgeBaseId, botId });
  const early = recent ? search(recent) : undefined;
  early?.catch(() => undefined);
  const knowledgeBases = await fresh;
  if (early && recent && sameSearchScope(recent, knowledgeBases)) return early;
  // Counted in the timing spans: a scope that changed since this process last searched it is searched twice.
  if (early) addSpan("search.searchAgainChangedScope", 0);
  return search(knowledgeBases);
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
  /**
   * Words added to the full-text side's query (after its expansions), not to the vector side's: the documents' ways
   * of a visitor's everyday word that chat also looks for (lexicon-sources.ts).
   */
  textTerms?: string | undefined;
  /** Receives the query expansions the search applied (chat counts their use and success). */
  onExpansionsApplied?: ((applied: AppliedExpansion[]) => void) | undefined;
  /**
   * Stored sentence vectors to read with the results' rows (an extractive answer compares the question with them):
   * those made by `model` of each ranking's first `first` results, put in `found` by chunk id (null: none stored).
   */
  sentenceVectors?: { model: string; first: number; found: Map<string, Uint8Array | null> } | undefined;
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
      // The query is embedded while the expansions are read, and neither waits for the other: the vector side
      // starts with the vector, the full-text side with the expansions (a failure surfaces where it is awaited).
      const queryVector = vectorFor(model);
      queryVector.catch(() => undefined);
      const applied: AppliedExpansion[] = [];
      const expander = tableQueryExpander(ctx.prisma, { onApplied: (rows) => applied.push(...rows) });
      const withTerms = (text: string) => (input.textTerms ? `${text} ${input.textTerms}` : text);
      const textQuery = timeSpan("search.expansions", () => expander.expand(input.query, { organizationId: ctx.organizationId, knowledgeBaseIds })).then((expansions) => {
        if (applied.length === 0) return input.textTerms ? withTerms(input.query) : undefined;
        input.onExpansionsApplied?.(applied);
        return withTerms(expandedTextQuery(input.query, expansions, applied));
      });
      // A vector-only search never reads it.
      textQuery.catch(() => undefined);
      const fusion = toFusionOptions(settings);
      return retrieveChunks(ctx, {
        query: input.query,
        textQuery,
        queryVector,
        sentenceVectors: input.sentenceVectors,
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
