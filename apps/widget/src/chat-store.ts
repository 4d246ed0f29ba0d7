import type { ApiClient } from "./api-client";
import type { Controller } from "./controller";
import { WidgetApiError } from "./http";
import type { Strings } from "./i18n";
import type { WidgetStorage } from "./storage";
import type { Citation, ConversationStatus, HistoryMessage, LeadForm, Rating } from "./types";

export interface ChatMessage {
  id: string;
  role: "user" | "assistant" | "operator";
  text: string;
  citations: Citation[];
  streaming?: boolean;
  form?: LeadForm | undefined;
  /** Why the last submit of this message's lead form failed. */
  formError?: string;
  /** The visitor's thumbs on an answer. */
  rating?: Rating | null | undefined;
}

/** The last send failed; `text` is kept so Retry re-sends it without the visitor retyping. */
export interface ChatFailure {
  text: string;
  error: string;
  /** The visitor's message in the list (its id changes once the server has stored it). */
  userId: string;
  handoff: boolean;
}

export interface ChatState {
  messages: ChatMessage[];
  failure: ChatFailure | null;
  busy: boolean;
  status: ConversationStatus;
}

let localIds = 0;
const localId = () => `local-${++localIds}`;
/** Not stored yet (a message being sent, an answer streaming). */
export const isLocal = (m: ChatMessage) => m.id.startsWith("local-");
const toChat = (m: HistoryMessage): ChatMessage => ({ ...m, text: m.content });

/**
 * The conversation as the panel shows it, outside any component (plain state + subscribe rather than hooks:
 * preact/hooks would cost ~0.9 KB of the 12 KiB budget). Follows the stored conversation over the server's event
 * stream (history, then a person's replies and status changes as they happen; reconnecting after the last message
 * it has), follows other tabs through `storage` events, and keeps a failed message for Retry.
 */
export function createChatStore(api: ApiClient, storage: WidgetStorage, controller: Controller, t: Strings) {
  const state: ChatState = { messages: [], failure: null, busy: false, status: "open" };
  const listeners = new Set<() => void>();
  let following: AbortController | undefined;

  const set = (next: Partial<ChatState>) => {
    Object.assign(state, next);
    for (const listener of listeners) listener();
  };
  const patch = (id: string, update: (m: ChatMessage) => ChatMessage) =>
    set({ messages: state.messages.map((m) => (m.id === id ? update(m) : m)) });
  const without = (id: string) => set({ messages: state.messages.filter((m) => m.id !== id) });

  /** Adds server messages not shown yet. */
  const merge = (incoming: HistoryMessage[]) =>
    set({ messages: [...state.messages, ...incoming.filter((m) => !state.messages.some((k) => k.id === m.id)).map(toChat)] });

  const describe = (error: unknown) =>
    error instanceof WidgetApiError
      ? error.status === 429
        ? t.rateLimited.replace("{s}", String(error.retryAfter ?? 60))
        : error.message
      : t.offline;

  /** (Re)opens the stream after the last message shown; `fresh` first drops the shown ones (another tab's history). */
  function follow(fresh?: boolean): void {
    following?.abort();
    if (fresh) set({ messages: state.messages.filter(isLocal), status: "open" });
    const conversationId = storage.getConversationId();
    if (!conversationId) return;
    const mine = (following = new AbortController());
    const last = state.messages.filter((m) => !isLocal(m)).at(-1)?.id;
    api
      .follow(conversationId, last, (event, data) => {
        if (event === "status") set({ status: data.status as ConversationStatus });
        // While an answer streams, ids of the visitor's message are not final: send() re-follows after it.
        else if (event === "message" && !state.busy) merge([data as unknown as HistoryMessage]);
      }, mine.signal)
      .catch((error: unknown) => {
        // A conversation that is gone (or not this visitor's: also 404) must not be continued.
        if (error instanceof WidgetApiError && error.status === 404) {
          storage.setConversationId(null);
          mine.abort();
        }
      })
      // Ended by a proxy, a restarting server or the network: pick up after the last message we have.
      .then(() => mine.signal.aborted || setTimeout(() => following === mine && follow(), 2000));
  }

  async function send(text: string, handoff = false, retryOf?: ChatFailure): Promise<void> {
    const message = text.trim();
    if (!message || state.busy) return;
    const replyId = localId();
    let userId = retryOf?.userId ?? localId();
    const mine: ChatMessage = { id: userId, role: "user", text: message, citations: [] };
    const reply: ChatMessage = { id: replyId, role: "assistant", text: "", citations: [], streaming: true };
    set({ busy: true, failure: null, messages: [...state.messages, ...(retryOf ? [] : [mine]), reply] });
    const conversationId = storage.getConversationId() ?? undefined;
    if (!retryOf) controller.emitMessage({ ...mine, conversationId: conversationId ?? null });
    const visitor = controller.visitor;
    try {
      await api.streamChat(
        { message, conversationId, visitor, requestHandoff: handoff || undefined },
        (event) => {
          if (event.type === "token") return patch(replyId, (m) => ({ ...m, text: m.text + event.text }));
          storage.setConversationId(event.conversationId);
          if (event.type === "meta") {
            const stored = event.userMessageId;
            if (stored) patch(userId, (m) => ({ ...m, id: stored }));
            userId = stored || userId;
            return;
          }
          if (event.messageId) {
            const done: ChatMessage = { id: event.messageId, role: "assistant", text: event.message, citations: event.citations };
            patch(replyId, () => done);
            controller.emitMessage({ ...done, conversationId: event.conversationId });
          } else without(replyId); // a person has the conversation: the bot did not answer
          merge(event.followUps);
          set({ status: event.status });
          storage.touch();
        },
      );
    } catch (error) {
      // The stored conversation is gone: Retry starts a fresh one instead of failing the same way forever.
      if (conversationId && error instanceof WidgetApiError && error.status === 404) storage.setConversationId(null);
      without(replyId);
      set({ failure: { text: message, error: describe(error), userId, handoff } });
    }
    set({ busy: false });
    follow();
  }

  follow(true);
  // Another tab of this site sent, received or started over: show the same conversation here.
  addEventListener("storage", (event) => {
    if (event.key?.startsWith(storage.keyPrefix) && !state.busy) follow(true);
  });

  return {
    state,
    subscribe: (listener: () => void) => listeners.add(listener),
    send: (text: string, handoff?: boolean) => send(text, handoff),
    retry: () => state.failure && send(state.failure.text, state.failure.handoff, state.failure),
    newConversation() {
      if (state.busy) return;
      following?.abort();
      storage.setConversationId(null);
      storage.touch();
      set({ messages: [], failure: null, status: "open" });
    },
    /** Thumbs up/down on an answer; the same thumb again takes it back. Shown at once, kept if the send fails. */
    rate({ id, rating: was }: ChatMessage, rating: Rating) {
      const next = was === rating ? null : rating;
      patch(id, (m) => ({ ...m, rating: next }));
      api.rate(storage.getConversationId() ?? "", id, next).catch(() => {});
    },
    /** Sends an inline lead form; the server's reason (naming the field) stays on the message when it refuses. */
    async submitLead(formId: string, values: Record<string, string>) {
      try {
        await api.submitLead(storage.getConversationId() ?? "", values);
        patch(formId, (m) => ({ ...m, formError: "", form: m.form && { ...m.form, submitted: true } }));
        storage.touch();
      } catch (error) {
        patch(formId, (m) => ({ ...m, formError: describe(error) }));
      }
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
