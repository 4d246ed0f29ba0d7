import { notFoundReply } from "@frontdesk/rag";
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

/**
 * What the bot says when its knowledge does not answer `question`, as in chat: the owner's own not-found reply when
 * they wrote one, else the default in the question's language.
 */
export function voiceNotFoundReply(bot: VoiceBot, question: string): string {
  return notFoundReply(question, resolveAnswerSettings(bot.answerSettings).notFoundReply);
}

/** The instruction that makes the voice model say the bot's not-found reply, on one line. */
export function notFoundInstruction(reply: string, found: boolean): string {
  const said = reply.replace(/\s+/g, " ").trim();
  return found
    ? `If these passages do not answer the question, say to the caller, in these words: "${said}"`
    : `Nothing in the knowledge base answers this. Say to the caller, in these words: "${said}"`;
}

/**
 * What a voice model can read aloud: the best passages on one line, each with its source title, then what to say
 * when they do not answer (kept whole however long the passages are).
 */
export function spokenSources(results: readonly SearchResult[], notFound: string, max = 3): string {
  const instruction = notFoundInstruction(notFound, results.length > 0);
  if (results.length === 0) return instruction;
  const passages = results
    .slice(0, max)
    .map((hit, i) => `[${i + 1}] ${hit.title}: ${hit.content}`)
    .join(" | ")
    .replace(/\s*[\r\n]+\s*/g, " ")
    .slice(0, Math.max(0, 4_000 - instruction.length - 3));
  return `${passages} | ${instruction}`;
}
