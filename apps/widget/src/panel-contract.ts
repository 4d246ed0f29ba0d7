import type { Controller } from "./controller";
import type { Strings } from "./i18n";
import type { WidgetSettings } from "./settings";

/** What widget.js hands the lazily loaded widget-panel.js once it has run. */
export interface PanelEnv {
  /** The panel's slot inside the shadow root. */
  slot: HTMLElement;
  launcher: HTMLButtonElement;
  controller: Controller;
  settings: WidgetSettings;
  t: Strings;
  /** Move focus into the panel on mount (it was opened by the visitor, not by data-open). */
  focusOnMount: boolean;
}

declare global {
  interface Window {
    /** Set by widget-panel.js when it executes; called by widget.js. */
    __frontdeskPanel?: (env: PanelEnv) => void;
  }
}
