export interface EmbedOptions {
  botKey: string;
  /** Origin (plus optional path prefix) the widget routes live under, without a trailing slash. */
  apiUrl: string;
  position: "bottom-right" | "bottom-left";
  /** A CSS color the browser accepts, or null for the default accent. */
  primaryColor: string | null;
  /** Visible text beside the launcher icon (also its accessible name), or null for an icon-only button. */
  launcherLabel: string | null;
  /** Open the panel as soon as the widget mounts. */
  open: boolean;
  /** BCP 47 tag for the widget's own strings and `lang`; defaults to "en". */
  locale: string;
}

const isColor = (value: string) => typeof CSS !== "undefined" && CSS.supports("color", value);

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
  const base = data.apiUrl || (script.src ? new URL(script.src, doc.baseURI).origin : location.origin);
  const color = data.primaryColor?.trim() ?? "";
  const open = data.open;
  return {
    botKey,
    apiUrl: base.replace(/\/+$/, ""),
    position: data.position === "bottom-left" ? "bottom-left" : "bottom-right",
    // Validated so a typo falls back to the default instead of an invisible launcher.
    primaryColor: color && isColor(color) ? color : null,
    launcherLabel: data.launcherLabel?.trim().slice(0, 60) || null,
    // Bare `data-open` counts as true; `data-open="false"` doesn't.
    open: open !== undefined && open !== "false",
    locale: data.locale?.trim() || "en",
  };
}
