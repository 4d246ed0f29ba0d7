import { createController, toVisitor, type Visitor, type WidgetMessageEvent } from "./controller";
import { readEmbedOptions } from "./embed-options";
import { createLauncher } from "./launcher";
import type { PanelEnv } from "./panel-contract";
import { resolveSettings } from "./settings";
import css from "./styles.css?inline";
import type { WidgetConfig } from "./types";

export interface FrontdeskApi {
  open(): void;
  close(): void;
  /** Sent as `visitor` with every following chat request; call again to replace, with null to clear. */
  identify(visitor: Visitor | null): void;
  /** Subscribes to new messages (the visitor's once sent, the bot's once complete); returns an unsubscribe. */
  on(event: "message", listener: (message: WidgetMessageEvent) => void): () => void;
}

declare global {
  interface Window {
    Frontdesk?: FrontdeskApi;
  }
}

// Constructable stylesheets are not inline <style>, so a host CSP without style-src 'unsafe-inline' allows them;
// browsers without them (Safari < 16.4) get a <style> element, which such a CSP would block.
function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    shadow.prepend(style);
  }
}

/**
 * widget.js: the launcher every host page loads. It reads the embed, exposes window.Frontdesk, fetches the bot's
 * config and draws the button; the chat panel (Preact, Markdown, SSE) is widget-panel.js, fetched on first open
 * or once the page is idle, with a <script src> from the same host so the page's script-src already covers it.
 */
function boot(): void {
  if (window.Frontdesk) return; // the snippet was pasted twice
  const options = readEmbedOptions();
  if (!options) {
    console.warn("[frontdesk] <script> needs data-bot-key");
    return;
  }
  const controller = createController();
  // data-open shows the panel without taking the page's focus; any later open is the visitor's and moves focus in.
  let quiet = options.open;
  if (options.open) controller.setOpen(true);
  const setOpen = (open: boolean) => {
    quiet = false;
    controller.setOpen(open);
  };
  window.Frontdesk = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    identify: (visitor) => {
      controller.visitor = toVisitor(visitor);
    },
    on: (event, listener) => {
      if (event !== "message" || typeof listener !== "function") throw new TypeError('Frontdesk.on("message", fn)');
      return controller.onMessage(listener);
    },
  };
  const domReady = new Promise((resolve) =>
    document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", resolve) : resolve(0),
  );
  const locale = options.locale ? `?locale=${encodeURIComponent(options.locale)}` : "";
  // Plain fetch: the panel's API client (errors, SSE) is not needed to draw a button. The browser revalidates
  // the cached config with its ETag.
  const config = fetch(`${options.apiUrl}/api/widget/v1/config${locale}`, {
    credentials: "omit",
    headers: { "X-Frontdesk-Bot-Key": options.botKey },
  }).then(async (response) => {
    const body = (await response.json()) as WidgetConfig & { title?: string };
    if (!response.ok) throw new Error(body.title);
    return body;
  });

  Promise.all([config, domReady]).then(
    ([config]) => {
      const settings = resolveSettings(options, config);
      const t = config.strings;
      // A custom tag rather than a <div> so host rules like `div { display: none }` don't even match it.
      const host = document.createElement("frontdesk-widget");
      host.setAttribute("data-frontdesk-widget", "");
      // An open shadow root keeps host-page CSS out (and ours in) while staying reachable for tests and devtools.
      const shadow = host.attachShadow({ mode: "open" });
      adoptStyles(shadow);
      const root = document.createElement("div");
      root.className = `fd-root${settings.position === "bottom-left" ? " fd-left" : ""}`;
      root.lang = settings.locale;
      // CSSOM, not a style attribute: a strict style-src CSP allows it.
      if (settings.primaryColor) root.style.setProperty("--a", settings.primaryColor);
      const slot = document.createElement("div");
      slot.className = "fd-slot";
      const launcher = createLauncher(controller, settings.launcherLabel, t, () => setOpen(!controller.isOpen));
      root.append(slot, launcher);
      shadow.append(root);
      document.body.append(host);

      let requested = false;
      const loadPanel = () => {
        if (requested) return;
        requested = true;
        const script = document.createElement("script");
        script.src = options.panelUrl;
        script.async = true;
        script.onload = () => {
          const env: PanelEnv = { slot, launcher, controller, settings, t, focusOnMount: controller.isOpen && !quiet };
          window.__frontdeskPanel?.(env);
        };
        script.onerror = () => (requested = false); // a later open tries again
        document.head.append(script);
      };
      controller.subscribe((open) => open && loadPanel());
      if (controller.isOpen) loadPanel();
      else ("requestIdleCallback" in window ? requestIdleCallback : setTimeout)(loadPanel);
    },
    (error: unknown) => console.warn("[frontdesk] widget disabled:", error instanceof Error ? error.message : error),
  );
}

boot();
