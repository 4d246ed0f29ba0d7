import type { RefObject } from "preact";
import type { Strings } from "../i18n";

// An uncontrolled input: no re-render per keystroke, and no state to keep (the panel stays mounted while hidden).
export function Composer(props: { busy: boolean; onSend: (text: string) => unknown; inputRef: RefObject<HTMLInputElement>; t: Strings }) {
  return (
    <form
      class="fd-composer"
      onSubmit={(event) => {
        event.preventDefault();
        const input = props.inputRef.current!;
        if (props.busy || !input.value.trim()) return;
        props.onSend(input.value);
        input.value = "";
      }}
    >
      <input
        ref={props.inputRef}
        type="text"
        aria-label={props.t.message}
        data-testid="input"
        placeholder={props.t.placeholder}
        maxLength={4000}
        autoComplete="off"
      />
      <button type="submit" aria-label={props.t.send} data-testid="send" disabled={props.busy}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor" />
        </svg>
      </button>
    </form>
  );
}
