import { createWidgetFetch, WidgetApiError, type Json, type WidgetApiOptions } from "./http";
import { readSse } from "./read-sse";
import type { ChatEvent, ChatRequest, Rating } from "./types";

// Our own API's bodies (zod-checked server-side) are used as they come: everything is rendered as text nodes or
// the vnode Markdown subset, so a malformed field can't inject markup.
const toDone = (data: Json) => ({ followUps: [], ...data, type: "done" }) as unknown as ChatEvent;

export interface ApiClient {
  /**
   * The visitor's conversation as it changes: `status` then `message` events (those after `after`, then new ones
   * pushed by the server). fetch rather than EventSource so the bot key goes in a header; resolves when the
   * stream ends, rejects on an HTTP error.
   */
  follow(id: string, after: string | undefined, onEvent: (event: string, data: Json) => void, signal: AbortSignal): Promise<void>;
  /** Resolves after `done`; rejects on an `error` event, an HTTP error, or a stream that ends early (a plain Error). */
  streamChat(request: ChatRequest, onEvent: (event: ChatEvent) => void): Promise<void>;
  submitLead(conversationId: string, body: Record<string, string>): Promise<unknown>;
  rate(conversationId: string, messageId: string, rating: Rating | null): Promise<unknown>;
}

export function createApiClient(options: WidgetApiOptions): ApiClient {
  const request = createWidgetFetch(options);
  const post = (path: string, body: unknown, accept = "application/json") =>
    request(path, { method: "POST", headers: { "Content-Type": "application/json", Accept: accept }, body: JSON.stringify(body) });
  const conversation = (id: string) => `/conversations/${encodeURIComponent(id)}`;

  return {
    async follow(id, after, onEvent, signal) {
      const response = await request(`${conversation(id)}/events?after=${encodeURIComponent(after ?? "")}`, { signal });
      await readSse(response.body!, ({ event, data }) => onEvent(event, JSON.parse(data) as Json));
    },

    submitLead: (id, body) => post(`${conversation(id)}/lead`, body),
    rate: (id, messageId, rating) => post(`${conversation(id)}/messages/${encodeURIComponent(messageId)}/rating`, { rating }),

    async streamChat(body, onEvent) {
      const response = await post("/chat", body, "text/event-stream");
      if (!response.headers.get("content-type")?.includes("text/event-stream") || !response.body) {
        onEvent(toDone((await response.json()) as Json));
        return;
      }
      let finished = false;
      await readSse(response.body, ({ event, data }) => {
        const payload = JSON.parse(data) as Json;
        if (event === "error") throw new WidgetApiError(payload.title as string);
        if (event === "done") {
          finished = true;
          onEvent(toDone(payload));
        } else if (event === "token" || event === "meta") onEvent({ ...payload, type: event } as ChatEvent);
      });
      // Not a WidgetApiError: the visitor reads it as the (translated) offline message.
      if (!finished) throw Error("interrupted");
    },
  };
}
