import { useEffect, useState } from "preact/hooks";
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
  useEffect(() => controller.subscribe(setOpen), []);
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
      <Launcher open={open} label={options.launcherLabel} t={t} onToggle={() => controller.setOpen(!open)} />
    </div>
  );
}
