import type { Ref, RefObject } from "preact";
import type { ChatStore } from "../chat-store";
import type { Strings } from "../i18n";
import type { WidgetSettings } from "../settings";
import { Composer } from "./composer";
import { MessageList } from "./message-list";

interface Props {
  open: boolean;
  settings: WidgetSettings;
  chat: ChatStore;
  t: Strings;
  inputRef: RefObject<HTMLInputElement>;
  logRef: Ref<HTMLDivElement>;
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
export function ChatPanel({ open, settings, chat, t, inputRef, logRef, onClose }: Props) {
  const { busy, status, messages } = chat.state;
  const handoff = status === "handoff";
  return (
    <section
      class="fd-panel"
      role="dialog"
      aria-label={settings.botName}
      data-testid="panel"
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        else if (e.key === "Tab") trapTab(e);
      }}
    >
      <header class="fd-header">
        {settings.avatarUrl && <img class="fd-avatar" src={settings.avatarUrl} alt="" width={28} height={28} />}
        <span class="fd-title" dir="auto">
          {settings.botName}
        </span>
        <button type="button" class="fd-icon" aria-label={t.newChat} data-testid="new-conversation" disabled={busy} onClick={chat.newConversation}>
          +
        </button>
        <button type="button" class="fd-icon" aria-label={t.minimize} onClick={onClose}>
          ×
        </button>
      </header>
      <MessageList settings={settings} chat={chat} t={t} logRef={logRef} />
      {handoff && !messages.some((m) => m.role === "operator") && (
        <p class="fd-status" role="status" data-testid="handoff-status">
          {t.waiting}
        </p>
      )}
      <Composer busy={busy} onSend={chat.send} inputRef={inputRef} t={t} />
      {!handoff && (
        <button type="button" class="fd-handoff" data-testid="talk-to-person" disabled={busy} onClick={() => chat.send(t.talkToPerson, true)}>
          {t.talkToPerson}
        </button>
      )}
    </section>
  );
}
