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

// Stays mounted while hidden so a half-typed message and the scroll position survive closing the panel.
export function ChatPanel({ open, config, chat, t, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  return (
    <section
      class="fd-panel"
      role="dialog"
      aria-label={config.botName || "Chat"}
      data-testid="panel"
      hidden={!open}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <header class="fd-header">
        <span class="fd-title">{config.botName}</span>
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
