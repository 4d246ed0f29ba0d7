import { readSse } from "./read-sse";
import type { ChatEvent, ChatRequest, Citation, ConversationHistory, HistoryMessage, WidgetConfig } from "./types";

/** A failure the visitor can read: problem `title`, SSE `error` event, or an interrupted stream. */
export class WidgetApiError extends Error {
  declare status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

type Json = Record<string, unknown>;

const asString = (value: unknown): string => (typeof value === "string" ? value : "");

// Server content is trusted for shape only as far as rendering goes: anything malformed is dropped.
export function asCitations(value: unknown): Citation[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Json => typeof c === "object" && c !== null && typeof (c as Json).title === "string")
    // Only index, title and snippet are rendered (as text); other fields pass through for Frontdesk.on listeners.
    .map((c, i) => ({ ...c, index: typeof c.index === "number" ? c.index : i + 1, snippet: asString(c.snippet) }) as Citation)
    .sort((a, b) => a.index - b.index);
}

function toDone(data: Json): ChatEvent {
  return {
    type: "done",
    conversationId: asString(data.conversationId),
    messageId: asString(data.messageId),
    message: asString(data.message),
    citations: asCitations(data.citations),
  };
}

async function toApiError(response: Response): Promise<WidgetApiError> {
  let title = "";
  try {
    title = asString(((await response.json()) as Json).title);
  } catch {
    // not a problem body
  }
  return new WidgetApiError(title || `Request failed (${response.status})`, response.status);
}

export interface ApiClient {
  getConfig(): Promise<WidgetConfig>;
  getConversation(id: string, visitorId: string): Promise<ConversationHistory>;
  /** Resolves after `done`; rejects on an `error` event, an HTTP error, or a stream that ends early. */
  streamChat(request: ChatRequest, onEvent: (event: ChatEvent) => void): Promise<void>;
}

export function createApiClient(options: { apiUrl: string; botKey: string }): ApiClient {
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(`${options.apiUrl}/api/widget/v1${path}`, {
      ...init,
      credentials: "omit",
      headers: { "X-Frontdesk-Bot-Key": options.botKey, ...init.headers },
    });
    if (!response.ok) throw await toApiError(response);
    return response;
  };
  const json = async (path: string): Promise<Json> => (await (await request(path)).json()) as Json;

  return {
    async getConfig() {
      const data = await json("/config");
      return { botName: asString(data.botName), greeting: asString(data.greeting) };
    },

    async getConversation(id, visitorId) {
      const data = await json(`/conversations/${encodeURIComponent(id)}?visitorId=${encodeURIComponent(visitorId)}`);
      const messages = Array.isArray(data.messages) ? (data.messages as Json[]) : [];
      return {
        id: asString(data.id),
        messages: messages.map((m) => ({
          ...(m as unknown as HistoryMessage),
          content: asString(m.content),
          citations: asCitations(m.citations),
        })),
      };
    },

    async streamChat(body, onEvent) {
      const response = await request("/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(body),
      });
      if (!response.headers.get("content-type")?.includes("text/event-stream") || !response.body) {
        onEvent(toDone((await response.json()) as Json));
        return;
      }
      let finished = false;
      await readSse(response.body, ({ event, data }) => {
        const payload = JSON.parse(data) as Json;
        if (event === "token") onEvent({ type: "token", text: asString(payload.text) });
        else if (event === "meta")
          onEvent({
            type: "meta",
            conversationId: asString(payload.conversationId),
            userMessageId: asString(payload.userMessageId),
          });
        else if (event === "done") {
          finished = true;
          onEvent(toDone(payload));
        } else if (event === "error") throw new WidgetApiError(asString(payload.title) || "Something went wrong.");
      });
      if (!finished) throw new WidgetApiError("The connection was interrupted.");
    },
  };
}
