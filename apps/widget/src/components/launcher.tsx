import type { Ref } from "preact";
import type { Strings } from "../i18n";

export function Launcher(props: { buttonRef: Ref<HTMLButtonElement>; open: boolean; label: string | null; t: Strings; onToggle: () => void }) {
  const labelled = Boolean(props.label) && !props.open;
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class={`fd-launcher${labelled ? " fd-labelled" : ""}${props.open ? " fd-open" : ""}`}
      data-testid="launcher"
      aria-label={props.open ? props.t.closeChat : (props.label ?? props.t.openChat)}
      aria-expanded={props.open}
      onClick={props.onToggle}
    >
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
        {props.open ? (
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        ) : (
          <path
            d="M4 5h16v11H9l-5 4z"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linejoin="round"
          />
        )}
      </svg>
      {labelled && <span class="fd-launcher-label">{props.label}</span>}
    </button>
  );
}
