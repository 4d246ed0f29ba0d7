import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { resolveSearchScope } from "./resolve-search-scope";
import { retrieveChunks } from "./retrieve-chunks";
import { searchKnowledgeInput, type SearchKnowledgeInput, type SearchResult } from "./schemas";

/** Hybrid (vector + full-text) search over one knowledge base, a bot's knowledge bases, or the whole organization. */
export async function searchKnowledge(ctx: ServiceContext, input: SearchKnowledgeInput): Promise<SearchResult[]> {
  const { query, limit, knowledgeBaseId, botId } = parseInput(searchKnowledgeInput, input);
  const knowledgeBaseIds = await resolveSearchScope(ctx, { knowledgeBaseId, botId });
  return searchKnowledgeBases(ctx, { query, knowledgeBaseIds, limit });
}

/** Shared with chat, which already knows the bot's knowledge bases. */
export async function searchKnowledgeBases(
  ctx: ServiceContext,
  input: { query: string; knowledgeBaseIds: string[]; limit: number; minScore?: number },
): Promise<SearchResult[]> {
  if (input.knowledgeBaseIds.length === 0) return [];
  const queryVector = await ctx.rag.embeddings.embeddings.embedQuery(input.query);
  return retrieveChunks(ctx, { ...input, queryVector });
}
