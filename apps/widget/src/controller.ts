import type { Citation } from "./types";

/** Who the host page says the visitor is (`Frontdesk.identify`); sent with each chat request. */
export interface Visitor {
  name?: string;
  email?: string;
  phone?: string;
}

/** Payload of `Frontdesk.on("message")`: a visitor message once sent, an answer once complete. */
export interface WidgetMessageEvent {
  id: string;
  role: "user" | "assistant" | "operator";
  text: string;
  conversationId: string | null;
  citations: Citation[];
}

/** State shared by `window.Frontdesk` and the UI; calls made before mount are remembered. */
export interface Controller {
  readonly isOpen: boolean;
  setOpen(open: boolean): void;
  subscribe(listener: (open: boolean) => void): () => void;
  visitor: Visitor | undefined;
  onMessage(listener: (message: WidgetMessageEvent) => void): () => void;
  emitMessage(message: WidgetMessageEvent): void;
}

export function createController(): Controller {
  let open = false;
  const listeners = new Set<(open: boolean) => void>();
  const messageListeners = new Set<(message: WidgetMessageEvent) => void>();
  return {
    get isOpen() {
      return open;
    },
    setOpen(next) {
      open = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    visitor: undefined,
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    emitMessage(message) {
      for (const listener of messageListeners) {
        // A throwing host callback must not break the chat.
        try {
          listener(message);
        } catch (error) {
          console.error(error);
        }
      }
    },
  };
}

/** Keeps only non-empty string fields, trimmed and capped: the host page's input is not trusted for shape. */
export function toVisitor(input: unknown): Visitor | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const visitor: Visitor = {};
  for (const key of ["name", "email", "phone"] as const) {
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === "string" && value.trim()) visitor[key] = value.trim().slice(0, 200);
  }
  return Object.keys(visitor).length ? visitor : undefined;
}
