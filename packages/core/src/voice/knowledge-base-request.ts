import type { Vapi } from "@vapi-ai/server-sdk";
import type { ServiceContext } from "../context";
import { asKnowledgeBaseRequest, type VapiMessage } from "./vapi-message";
import type { VoiceBot } from "./voice-bot";
import { searchBotKnowledge } from "./voice-knowledge";

type Said = { role?: unknown; message?: unknown; content?: unknown };

/** The caller's last words: from `messages` (Vapi's artifact shape) or the OpenAI-formatted list. */
export function lastUserText(message: VapiMessage): string | null {
  const request = asKnowledgeBaseRequest(message);
  const lists = [request.messages as Said[] | undefined, request.messagesOpenAIFormatted as Said[] | undefined];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const item = list[i]!;
      const text = typeof item.message === "string" ? item.message : typeof item.content === "string" ? item.content : null;
      if (item.role === "user" && text?.trim()) return text.trim();
    }
  }
  return null;
}

/** `knowledge-base-request` → the bot's best passages for the caller's last message. */
export async function answerKnowledgeBaseRequest(ctx: ServiceContext, bot: VoiceBot, message: VapiMessage): Promise<Vapi.ServerMessageResponseKnowledgeBaseRequest> {
  const query = lastUserText(message);
  if (!query) return { documents: [] };
  const results = await searchBotKnowledge(ctx, bot, query.slice(0, 2_000));
  return { documents: results.map((hit) => ({ content: `${hit.title}\n${hit.content}`, similarity: hit.score, uuid: hit.chunkId })) };
}
