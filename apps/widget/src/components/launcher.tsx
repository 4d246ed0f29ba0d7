export function Launcher(props: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class="fd-launcher"
      data-testid="launcher"
      aria-label={props.open ? "Close chat" : "Open chat"}
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
    </button>
  );
}
