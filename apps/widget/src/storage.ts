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
  return {
    // Read on every use and created on first use, not when the panel opens: two tabs opened together would
    // otherwise each keep their own id, and one would be refused the conversation the other started.
    get visitorId() {
      let id = read(visitorKey);
      if (!id) write(visitorKey, (id = `v_${randomId()}`));
      return id;
    },
    keyPrefix,
    getConversationId: () => read(`${keyPrefix}conversationId`),
    setConversationId: (id) => write(`${keyPrefix}conversationId`, id),
    touch: () => write(`${keyPrefix}rev`, randomId()),
  };
}
