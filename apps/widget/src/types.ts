/** Wire types of the public widget routes (see the chat wire format in the API). */
export interface Citation {
  index: number;
  chunkId: string;
  documentId: string;
  title: string;
  snippet: string;
  score: number;
}

export interface WidgetConfig {
  botName: string;
  greeting: string;
}

export interface HistoryMessage {
  id: string;
  role: "user" | "assistant" | "system" | "tool" | "operator";
  content: string;
  citations: Citation[];
  createdAt: string;
}

export interface ConversationHistory {
  id: string;
  messages: HistoryMessage[];
}

export interface ChatRequest {
  message: string;
  conversationId?: string;
  visitorId: string;
  /** From `Frontdesk.identify`; the server may ignore it. */
  visitor?: { name?: string; email?: string; phone?: string };
}

export type ChatEvent =
  | { type: "meta"; conversationId: string; userMessageId: string }
  | { type: "token"; text: string }
  | { type: "done"; conversationId: string; messageId: string; message: string; citations: Citation[] };
