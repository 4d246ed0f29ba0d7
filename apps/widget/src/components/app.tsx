import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiClient } from "../api-client";
import type { Controller } from "../controller";
import type { EmbedOptions } from "../embed-options";
import { stringsFor } from "../i18n";
import type { WidgetStorage } from "../storage";
import type { WidgetConfig } from "../types";
import { useChat } from "../use-chat";
import { ChatPanel } from "./chat-panel";
import { Launcher } from "./launcher";

interface Props {
  api: ApiClient;
  config: WidgetConfig;
  options: EmbedOptions;
  storage: WidgetStorage;
  controller: Controller;
}

export function App({ api, config, options, storage, controller }: Props) {
  const [open, setOpen] = useState(controller.isOpen);
  const launcher = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(
    () =>
      controller.subscribe((next) => {
        // Checked before hiding the panel blurs it. Focus returns to the launcher only if it was inside the
        // widget: Frontdesk.close() called from the page leaves the page's focus alone.
        const button = launcher.current;
        refocus.current = !next && !!button && !!(button.getRootNode() as ShadowRoot).activeElement;
        setOpen(next);
      }),
    [],
  );
  useEffect(() => {
    if (refocus.current) launcher.current?.focus();
  }, [open]);
  const t = stringsFor(options.locale);
  const chat = useChat(api, storage, controller, t.offline);

  return (
    <div
      class={`fd-root${options.position === "bottom-left" ? " fd-left" : ""}`}
      lang={options.locale}
      // Preact sets custom properties through CSSOM (setProperty), which a strict style-src CSP allows.
      style={options.primaryColor ? { "--fd-accent": options.primaryColor } : undefined}
    >
      <ChatPanel open={open} config={config} chat={chat} t={t} onClose={() => controller.setOpen(false)} />
      <Launcher buttonRef={launcher} open={open} label={options.launcherLabel} t={t} onToggle={() => controller.setOpen(!open)} />
    </div>
  );
}
