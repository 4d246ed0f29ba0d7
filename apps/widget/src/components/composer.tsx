import type { Ref } from "preact";
import { useState } from "preact/hooks";
import type { Strings } from "../i18n";

export function Composer(props: { busy: boolean; onSend: (text: string) => void; inputRef: Ref<HTMLInputElement>; t: Strings }) {
  const [text, setText] = useState("");
  const submit = (event: Event) => {
    event.preventDefault();
    if (props.busy || !text.trim()) return;
    props.onSend(text);
    setText("");
  };
  return (
    <form class="fd-composer" onSubmit={submit}>
      <input
        ref={props.inputRef}
        type="text"
        aria-label={props.t.message}
        data-testid="input"
        placeholder={props.t.placeholder}
        maxLength={4000}
        autoComplete="off"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" aria-label={props.t.send} data-testid="send" disabled={props.busy || !text.trim()}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor" />
        </svg>
      </button>
    </form>
  );
}
