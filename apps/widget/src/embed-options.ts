export interface EmbedOptions {
  botKey: string;
  /** Origin (plus optional path prefix) the widget routes live under, without a trailing slash. */
  apiUrl: string;
  /** URL of widget-panel.js: next to widget.js, so the page's script-src already allows it. */
  panelUrl: string;
  /** The data-* overrides of the bot's server-side appearance; null when the attribute is absent or invalid. */
  position: "bottom-right" | "bottom-left" | null;
  primaryColor: string | null;
  launcherLabel: string | null;
  /** Open the panel as soon as the widget mounts. */
  open: boolean;
  locale: string | null;
}

declare const __FRONTDESK_PANEL_VERSION__: string;


/**
 * Reads the embedding `<script data-bot-key>` tag. Must run synchronously while the script executes:
 * `document.currentScript` is only set then. The selector fallback covers loaders that inject the
 * script from another script's callback, where `currentScript` is null.
 */
export function readEmbedOptions(doc: Document = document): EmbedOptions | null {
  const current = doc.currentScript;
  const script =
    current instanceof HTMLScriptElement && current.dataset.botKey
      ? current
      : doc.querySelector<HTMLScriptElement>("script[data-bot-key]");
  const botKey = script?.dataset.botKey?.trim();
  if (!script || !botKey) return null;
  const data = script.dataset;
  const src = new URL(script.src || "widget.js", doc.baseURI);
  const base = data.apiUrl || src.origin;
  const color = data.primaryColor?.trim();
  const open = data.open;
  return {
    botKey,
    apiUrl: base.replace(/\/+$/, ""),
    panelUrl: new URL(`widget-panel.js?v=${__FRONTDESK_PANEL_VERSION__}`, src).href,
    position: data.position === "bottom-left" || data.position === "bottom-right" ? data.position : null,
    // Validated so a typo falls back to the default instead of an invisible launcher.
    primaryColor: color && CSS.supports("color", color) ? color : null,
    launcherLabel: data.launcherLabel?.trim().slice(0, 60) || null,
    // Bare `data-open` counts as true; `data-open="false"` doesn't.
    open: open !== undefined && open !== "false",
    locale: data.locale?.trim() || null,
  };
}
