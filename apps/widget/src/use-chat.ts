import { useEffect, useState } from "preact/hooks";
import { WidgetApiError, type ApiClient } from "./api-client";
import type { Controller } from "./controller";
import type { WidgetStorage } from "./storage";
import type { Citation } from "./types";

export interface ChatMessage {
  id: string;
  role: "user" | "assistant";
  text: string;
  citations: Citation[];
  streaming?: boolean;
}

/** The last send failed; `text` is kept so Retry re-sends it without the visitor retyping. */
export interface ChatFailure {
  text: string;
  error: string;
}

let localIds = 0;
const localId = () => `local-${++localIds}`;

export function useChat(api: ApiClient, storage: WidgetStorage, controller: Controller, offlineText: string) {
  const describe = (error: unknown) => (error instanceof WidgetApiError ? error.message : offlineText);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [failure, setFailure] = useState<ChatFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const conversationId = storage.getConversationId();
    if (!conversationId) return;
    api.getConversation(conversationId, storage.visitorId).then(
      (history) => {
        const restored: ChatMessage[] = history.messages
          .filter((m) => m.role === "user" || m.role === "assistant")
          .map((m) => ({ id: m.id, role: m.role as ChatMessage["role"], text: m.content, citations: m.citations }));
        setMessages((current) => [...restored, ...current]);
      },
      (error: unknown) => {
        // A conversation that is gone (or not this visitor's) must not be continued.
        if (error instanceof WidgetApiError && (error.status === 404 || error.status === 403)) {
          storage.setConversationId(null);
        }
      },
    );
  }, []);

  const patch = (id: string, update: (m: ChatMessage) => ChatMessage) =>
    setMessages((current) => current.map((m) => (m.id === id ? update(m) : m)));

  async function send(text: string, retry = false): Promise<void> {
    const message = text.trim();
    if (!message || busy) return;
    setBusy(true);
    setFailure(null);
    const replyId = localId();
    const reply: ChatMessage = { id: replyId, role: "assistant", text: "", citations: [], streaming: true };
    const mine: ChatMessage = { id: localId(), role: "user", text: message, citations: [] };
    setMessages((current) => [...current, ...(retry ? [] : [mine]), reply]);
    const conversationId = storage.getConversationId() ?? undefined;
    if (!retry) controller.emitMessage({ ...mine, conversationId: conversationId ?? null });
    const visitor = controller.visitor;
    try {
      await api.streamChat(
        { message, conversationId, visitorId: storage.visitorId, ...(visitor ? { visitor } : {}) },
        (event) => {
          if (event.type === "token") patch(replyId, (m) => ({ ...m, text: m.text + event.text }));
          else {
            if (event.conversationId) storage.setConversationId(event.conversationId);
            if (event.type === "done") {
              const done: ChatMessage = {
                id: event.messageId || replyId,
                role: "assistant",
                text: event.message,
                citations: event.citations,
              };
              patch(replyId, () => done);
              controller.emitMessage({ ...done, conversationId: event.conversationId || null });
            }
          }
        },
      );
    } catch (error) {
      // The stored conversation is gone: Retry starts a fresh one instead of failing the same way forever.
      if (conversationId && error instanceof WidgetApiError && error.status === 404) storage.setConversationId(null);
      setMessages((current) => current.filter((m) => m.id !== replyId));
      setFailure({ text: message, error: describe(error) });
    } finally {
      setBusy(false);
    }
  }

  return {
    messages,
    failure,
    busy,
    send: (text: string) => send(text),
    retry: () => (failure ? send(failure.text, true) : Promise.resolve()),
  };
}
