import type { Ref } from "preact";
import { isLocal, type ChatStore } from "../chat-store";
import type { Strings } from "../i18n";
import type { WidgetSettings } from "../settings";
import { CitationList } from "./citation-list";
import { LeadFormView } from "./lead-form";
import { Rate } from "./rate";
import { RichText } from "./rich-text";

// Answers come from model output: they are rendered as a Markdown subset built from vnodes, never as HTML.
// Visitor and operator messages are plain text. dir="auto" lets each message follow its own script.
export function MessageList({ settings, chat, t, logRef }: { settings: WidgetSettings; chat: ChatStore; t: Strings; logRef: Ref<HTMLDivElement> }) {
  const { messages, failure, busy } = chat.state;
  return (
    <div class="fd-log" role="log" aria-live="polite" data-testid="message-list" ref={logRef}>
      {settings.greeting && (
        <div class="fd-msg fd-assistant" data-testid="greeting">
          <p class="fd-text" dir="auto">
            {settings.greeting}
          </p>
        </div>
      )}
      {messages.length === 0 && settings.suggestedQuestions.length > 0 && (
        <div class="fd-suggest" role="group" aria-label={t.suggestions} data-testid="suggestions">
          {settings.suggestedQuestions.map((q) => (
            <button type="button" dir="auto" disabled={busy} onClick={() => chat.send(q)}>
              {q}
            </button>
          ))}
        </div>
      )}
      {messages.map((m) => (
        <div
          key={m.id}
          class={`fd-msg fd-${m.role}`}
          data-testid="message"
          data-role={m.role}
          aria-busy={m.streaming ? "true" : undefined}
        >
          {m.role === "operator" && <span class="fd-who">{t.operator}</span>}
          <div class="fd-text" dir="auto">
            {m.role !== "assistant" ? m.text : m.text ? <RichText text={m.text} /> : m.streaming ? "…" : ""}
          </div>
          {m.form && <LeadFormView form={m.form} error={m.formError} t={t} onSubmit={(values) => chat.submitLead(m.id, values)} />}
          {m.role === "assistant" && <CitationList citations={m.citations} t={t} />}
          {m.role === "assistant" && !isLocal(m) && <Rate m={m} chat={chat} t={t} />}
        </div>
      ))}
      {failure && (
        <div class="fd-error" role="alert" data-testid="chat-error">
          <span>{failure.error}</span>
          <button type="button" data-testid="retry" disabled={busy} onClick={chat.retry}>
            {t.retry}
          </button>
        </div>
      )}
    </div>
  );
}
