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

// crypto.randomUUID needs a secure context; host pages may still be served over plain http. 128 random bits.
const randomId = () => crypto.getRandomValues(new Uint32Array(4)).join("-");

export interface WidgetStorage {
  visitorId: string;
  getConversationId(): string | null;
  setConversationId(id: string | null): void;
  /** Tells the page's other tabs the conversation changed (a `storage` event for `keyPrefix…`). */
  touch(): void;
  keyPrefix: string;
}

export function createWidgetStorage(botKey: string): WidgetStorage {
  const visitorKey = "frontdesk:visitorId";
  const keyPrefix = `frontdesk:${botKey}:`;
  let visitorId = read(visitorKey);
  if (!visitorId) {
    visitorId = `v_${randomId()}`;
    write(visitorKey, visitorId);
  }
  return {
    visitorId,
    keyPrefix,
    getConversationId: () => read(`${keyPrefix}conversationId`),
    setConversationId: (id) => write(`${keyPrefix}conversationId`, id),
    touch: () => write(`${keyPrefix}rev`, randomId()),
  };
}
