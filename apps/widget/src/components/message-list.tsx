import { useEffect, useRef } from "preact/hooks";
import type { Strings } from "../i18n";
import type { ChatFailure, ChatMessage } from "../use-chat";
import { CitationList } from "./citation-list";
import { RichText } from "./rich-text";

interface Props {
  greeting: string;
  messages: ChatMessage[];
  failure: ChatFailure | null;
  busy: boolean;
  onRetry: () => void;
  t: Strings;
}

// Answers come from model output: they are rendered as a Markdown subset built from vnodes, never as HTML.
// dir="auto" lets each message follow its own script (an Arabic answer reads right-to-left on an English page).
export function MessageList(props: Props) {
  const log = useRef<HTMLDivElement>(null);
  const last = props.messages[props.messages.length - 1];

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [props.messages.length, last?.text, props.failure]);

  return (
    <div class="fd-log" role="log" aria-live="polite" data-testid="message-list" ref={log}>
      {props.greeting && (
        <div class="fd-msg fd-assistant" data-testid="greeting">
          <p class="fd-text" dir="auto">
            {props.greeting}
          </p>
        </div>
      )}
      {props.messages.map((m) => (
        <div
          key={m.id}
          class={`fd-msg fd-${m.role}`}
          data-testid="message"
          data-role={m.role}
          aria-busy={m.streaming ? "true" : undefined}
        >
          <div class="fd-text" dir="auto">
            {m.role === "user" ? m.text : m.text ? <RichText text={m.text} /> : m.streaming ? "…" : ""}
          </div>
          {m.role === "assistant" && <CitationList citations={m.citations} t={props.t} />}
        </div>
      ))}
      {props.failure && (
        <div class="fd-error" role="alert" data-testid="chat-error">
          <span>{props.failure.error}</span>
          <button type="button" data-testid="retry" disabled={props.busy} onClick={props.onRetry}>
            {props.t.retry}
          </button>
        </div>
      )}
    </div>
  );
}
