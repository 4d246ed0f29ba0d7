import { useEffect, useState } from "preact/hooks";
import type { ApiClient } from "../api-client";
import type { Controller } from "../controller";
import type { WidgetStorage } from "../storage";
import type { WidgetConfig } from "../types";
import { useChat } from "../use-chat";
import { ChatPanel } from "./chat-panel";
import { Launcher } from "./launcher";

interface Props {
  api: ApiClient;
  config: WidgetConfig;
  storage: WidgetStorage;
  controller: Controller;
}

export function App({ api, config, storage, controller }: Props) {
  const [open, setOpen] = useState(controller.isOpen);
  useEffect(() => controller.subscribe(setOpen), []);
  const chat = useChat(api, storage);

  return (
    <div class="fd-root">
      <ChatPanel open={open} config={config} chat={chat} onClose={() => controller.setOpen(false)} />
      <Launcher open={open} onToggle={() => controller.setOpen(!open)} />
    </div>
  );
}
