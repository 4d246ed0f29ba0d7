import { useEffect, useRef } from "preact/hooks";
import type { Strings } from "../i18n";
import type { WidgetConfig } from "../types";
import type { useChat } from "../use-chat";
import { Composer } from "./composer";
import { MessageList } from "./message-list";

interface Props {
  open: boolean;
  config: WidgetConfig;
  chat: ReturnType<typeof useChat>;
  t: Strings;
  onClose: () => void;
}

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), summary";

/** Keeps Tab and Shift+Tab cycling inside the open panel (Escape is the way out). */
function trapTab(event: KeyboardEvent): void {
  const panel = event.currentTarget as HTMLElement;
  const items = Array.from(panel.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = (panel.getRootNode() as ShadowRoot).activeElement;
  if (event.shiftKey ? active === first || !panel.contains(active) : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

// Stays mounted while hidden so a half-typed message and the scroll position survive closing the panel.
export function ChatPanel({ open, config, chat, t, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    // Opening on page load (data-open) must not steal focus from the host page; later opens move it in.
    if (open && mounted.current) input.current?.focus();
    mounted.current = true;
  }, [open]);

  return (
    <section
      class="fd-panel"
      role="dialog"
      aria-label={config.botName || "Chat"}
      data-testid="panel"
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        else if (e.key === "Tab") trapTab(e);
      }}
    >
      <header class="fd-header">
        <span class="fd-title" dir="auto">
          {config.botName}
        </span>
        <button type="button" class="fd-close" aria-label={t.minimize} onClick={onClose}>
          ×
        </button>
      </header>
      <MessageList
        greeting={config.greeting}
        messages={chat.messages}
        failure={chat.failure}
        busy={chat.busy}
        onRetry={chat.retry}
        t={t}
      />
      <Composer busy={chat.busy} onSend={chat.send} inputRef={input} t={t} />
    </section>
  );
}
