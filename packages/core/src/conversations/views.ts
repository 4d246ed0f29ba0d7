import type { Conversation, Lead, Message } from "@frontdesk/db";
import { z } from "zod";
import { citationSchema, type CitationView, type ConversationView, type MessageView } from "./schemas";

const storedCitations = z.array(citationSchema);

export function readCitations(value: unknown): CitationView[] {
  const parsed = storedCitations.safeParse(value);
  return parsed.success ? parsed.data : [];
}

type ConversationLead = Pick<Lead, "id" | "name" | "email" | "phone" | "tier">;

export function toConversationView(conversation: Conversation & { _count?: { messages: number }; lead?: ConversationLead | null }): ConversationView {
  return {
    id: conversation.id,
    botId: conversation.botId,
    channel: conversation.channel,
    visitorId: conversation.visitorId,
    status: conversation.status,
    handoffRequestedAt: conversation.handoffRequestedAt?.toISOString() ?? null,
    assigneeId: conversation.assigneeId,
    messageCount: conversation._count?.messages ?? 0,
    preview: conversation.preview,
    lead: conversation.lead ? { id: conversation.lead.id, name: conversation.lead.name, email: conversation.lead.email, phone: conversation.lead.phone, tier: conversation.lead.tier } : null,
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
    metadata: typeof message.metadata === "object" && message.metadata !== null && !Array.isArray(message.metadata) ? (message.metadata as Record<string, unknown>) : {},
    authorUserId: message.authorUserId,
    createdAt: message.createdAt.toISOString(),
  };
}

/** Include for toConversationView: the message count and who the lead is. */
export const withMessageCount = {
  _count: { select: { messages: true } },
  lead: { select: { id: true, name: true, email: true, phone: true, tier: true } },
} as const;
