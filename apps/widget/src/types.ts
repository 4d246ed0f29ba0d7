/** Wire types of the public widget routes (see the chat wire format in the API). */
export interface Citation {
  index: number;
  chunkId: string;
  documentId: string;
  title: string;
  snippet: string;
  score: number;
}

import type { Strings } from "./i18n";

export type LeadField = "name" | "email" | "phone";

export interface WidgetConfig {
  botName: string;
  greeting: string;
  appearance: {
    avatarUrl?: string;
    primaryColor?: string;
    launcherLabel?: string;
    position?: string;
    locale?: string;
    suggestedQuestions?: string[];
  };
  strings: Strings;
}

export type ConversationStatus = "open" | "handoff" | "closed";

export interface LeadForm {
  fields: LeadField[];
  requiredFields: LeadField[];
  submitted: boolean;
}

export type Rating = "up" | "down";

export interface HistoryMessage {
  id: string;
  role: "user" | "assistant" | "operator";
  content: string;
  citations: Citation[];
  form?: LeadForm | undefined;
  rating?: Rating | undefined;
}

export interface ConversationHistory {
  id: string;
  status: ConversationStatus;
  messages: HistoryMessage[];
}

export interface ChatRequest {
  message: string;
  conversationId?: string;
  /** From `Frontdesk.identify`; stored as the conversation's lead. */
  visitor?: { name?: string; email?: string; phone?: string } | undefined;
  /** The "Talk to a person" control. */
  requestHandoff?: boolean | undefined;
}

export type ChatEvent =
  | { type: "meta"; conversationId: string; userMessageId: string }
  | { type: "token"; text: string }
  | {
      type: "done";
      conversationId: string;
      /** Empty while a person has the conversation: the bot did not answer. */
      messageId: string;
      message: string;
      citations: Citation[];
      status: ConversationStatus;
      followUps: HistoryMessage[];
    };
