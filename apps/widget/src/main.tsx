import { render } from "preact";
import { createApiClient, type ApiClient } from "./api-client";
import { App } from "./components/app";
import { createController, toVisitor, type Controller, type Visitor, type WidgetMessageEvent } from "./controller";
import { readEmbedOptions, type EmbedOptions } from "./embed-options";
import { createWidgetStorage } from "./storage";
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

function mount(api: ApiClient, config: WidgetConfig, options: EmbedOptions, controller: Controller): void {
  // A custom tag rather than a <div> so host rules like `div { display: none }` don't even match it.
  const host = document.createElement("frontdesk-widget");
  host.setAttribute("data-frontdesk-widget", "");
  // An open shadow root keeps host-page CSS out (and ours in) while staying reachable for tests and devtools.
  const shadow = host.attachShadow({ mode: "open" });
  const container = document.createElement("div");
  shadow.append(container);
  adoptStyles(shadow);
  document.body.append(host);
  render(
    <App api={api} config={config} options={options} storage={createWidgetStorage(options.botKey)} controller={controller} />,
    container,
  );
}

function boot(): void {
  if (window.Frontdesk) return; // the snippet was pasted twice
  const options = readEmbedOptions();
  if (!options) {
    console.warn("[frontdesk] widget.js needs a data-bot-key attribute on its <script> tag.");
    return;
  }
  const controller = createController();
  if (options.open) controller.setOpen(true);
  window.Frontdesk = {
    open: () => controller.setOpen(true),
    close: () => controller.setOpen(false),
    identify: (visitor) => {
      controller.visitor = toVisitor(visitor);
    },
    on: (event, listener) => {
      if (event !== "message" || typeof listener !== "function") throw new TypeError('Frontdesk.on("message", fn)');
      return controller.onMessage(listener);
    },
  };
  const api = createApiClient(options);
  const domReady = new Promise<void>((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => resolve());
    else resolve();
  });
  Promise.all([api.getConfig(), domReady]).then(
    ([config]) => mount(api, config, options, controller),
    (error: unknown) => console.warn("[frontdesk] widget disabled:", error instanceof Error ? error.message : error),
  );
}

boot();
