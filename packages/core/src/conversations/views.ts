import type { Conversation, Message } from "@frontdesk/db";
import { z } from "zod";
import { citationSchema, type CitationView, type ConversationView, type MessageView } from "./schemas";

const storedCitations = z.array(citationSchema);

export function readCitations(value: unknown): CitationView[] {
  const parsed = storedCitations.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function toConversationView(conversation: Conversation & { _count?: { messages: number } }): ConversationView {
  return {
    id: conversation.id,
    botId: conversation.botId,
    channel: conversation.channel,
    visitorId: conversation.visitorId,
    status: conversation.status,
    messageCount: conversation._count?.messages ?? 0,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
    lastMessageAt: conversation.lastMessageAt.toISOString(),
  };
}

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    citations: readCitations(message.citations),
    latencyMs: message.latencyMs,
    promptTokens: message.promptTokens,
    completionTokens: message.completionTokens,
    createdAt: message.createdAt.toISOString(),
  };
}

export const withMessageCount = { _count: { select: { messages: true } } } as const;
