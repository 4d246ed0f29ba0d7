import { resolveAnswerSettings } from "../chat/answer-settings";
import type { ServiceContext } from "../context";
import { searchKnowledgeBases } from "../knowledge/search-knowledge";
import type { SearchResult } from "../knowledge/schemas";
import type { VoiceBot } from "./voice-bot";

/** The bot's knowledge for one spoken question, with the bot's own retrieval settings. */
export async function searchBotKnowledge(ctx: ServiceContext, bot: VoiceBot, query: string, limit?: number): Promise<SearchResult[]> {
  const settings = resolveAnswerSettings(bot.answerSettings);
  return searchKnowledgeBases(ctx, {
    query,
    knowledgeBaseIds: bot.knowledgeBases.map((link) => link.knowledgeBaseId),
    limit: limit ?? settings.topK,
    minScore: settings.minScore,
  });
}

/** What a voice model can read aloud: the best passages on one line, each with its source title. */
export function spokenSources(results: readonly SearchResult[], max = 3): string {
  if (results.length === 0) return "Nothing in the knowledge base answers this; say you don't know and offer a callback.";
  return results
    .slice(0, max)
    .map((hit, i) => `[${i + 1}] ${hit.title}: ${hit.content}`)
    .join(" | ")
    .replace(/\s*[\r\n]+\s*/g, " ")
    .slice(0, 4_000);
}
