import type { Vapi } from "@vapi-ai/server-sdk";
import type { ServiceContext } from "../context";
import { asKnowledgeBaseRequest, type VapiMessage } from "./vapi-message";
import type { VoiceBot } from "./voice-bot";
import { notFoundInstruction, searchBotKnowledge, voiceNotFoundReply } from "./voice-knowledge";

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

/** The uuid of the last document, which tells the model the bot's not-found reply rather than quoting the knowledge. */
export const NOT_FOUND_DOCUMENT_ID = "frontdesk-not-found-reply";

/**
 * `knowledge-base-request` → the bot's best passages for the caller's last message, then what the bot says when
 * they do not answer (the owner's not-found reply, as in chat). Not spoken directly (Vapi's `message`): the caller's
 * last words may be no question at all ("thank you"), which the model, not the search, can tell.
 */
export async function answerKnowledgeBaseRequest(ctx: ServiceContext, bot: VoiceBot, message: VapiMessage): Promise<Vapi.ServerMessageResponseKnowledgeBaseRequest> {
  const query = lastUserText(message);
  if (!query) return { documents: [] };
  const question = query.slice(0, 2_000);
  const results = await searchBotKnowledge(ctx, bot, question);
  const notFound = { content: notFoundInstruction(voiceNotFoundReply(bot, question), results.length > 0), similarity: 0, uuid: NOT_FOUND_DOCUMENT_ID };
  return { documents: [...results.map((hit) => ({ content: `${hit.title}\n${hit.content}`, similarity: hit.score, uuid: hit.chunkId })), notFound] };
}
