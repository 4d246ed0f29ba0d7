export interface EmbedOptions {
  botKey: string;
  /** Origin (plus optional path prefix) the widget routes live under, without a trailing slash. */
  apiUrl: string;
}

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
  const base = script.dataset.apiUrl || (script.src ? new URL(script.src, doc.baseURI).origin : location.origin);
  return { botKey, apiUrl: base.replace(/\/+$/, "") };
}
