// localStorage throws in some sandboxed iframes and privacy modes; the widget then works for the page's lifetime.
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // memory fallback already updated
  }
}

// crypto.randomUUID needs a secure context; host pages may still be served over plain http.
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export interface WidgetStorage {
  visitorId: string;
  getConversationId(): string | null;
  setConversationId(id: string | null): void;
}

export function createWidgetStorage(botKey: string): WidgetStorage {
  const visitorKey = "frontdesk:visitorId";
  const conversationKey = `frontdesk:${botKey}:conversationId`;
  let visitorId = read(visitorKey);
  if (!visitorId) {
    visitorId = `v_${randomId()}`;
    write(visitorKey, visitorId);
  }
  return {
    visitorId,
    getConversationId: () => read(conversationKey),
    setConversationId: (id) => write(conversationKey, id),
  };
}
