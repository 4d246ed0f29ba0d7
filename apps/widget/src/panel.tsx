import { Component, createRef, render } from "preact";
import { createApiClient } from "./api-client";
import { createChatStore } from "./chat-store";
import { ChatPanel } from "./components/chat-panel";
import type { PanelEnv } from "./panel-contract";
import { createWidgetStorage } from "./storage";

/** Owns the chat store and the panel's focus and scroll; everything below it is a plain function of props. */
class Panel extends Component<{ env: PanelEnv }> {
  storage = createWidgetStorage(this.props.env.settings.botKey);
  chat = createChatStore(createApiClient({ ...this.props.env.settings, visitor: () => this.storage.visitorId }), this.storage, this.props.env.controller, this.props.env.t);
  input = createRef<HTMLInputElement>();
  log = createRef<HTMLDivElement>();
  focusInput = this.props.env.focusOnMount;

  override componentDidMount() {
    const { controller, launcher } = this.props.env;
    this.chat.subscribe(() => this.forceUpdate());
    controller.subscribe((open) => {
      // Focus returns to the launcher only if it was inside the widget: Frontdesk.close() called from the page
      // leaves the page's focus alone. Opening moves focus in once the panel is visible (componentDidUpdate).
      if (!open && (launcher.getRootNode() as ShadowRoot).activeElement) launcher.focus();
      this.focusInput = open;
      this.forceUpdate();
    });
    this.componentDidUpdate();
  }

  override componentDidUpdate() {
    const log = this.log.current;
    if (log) log.scrollTop = log.scrollHeight;
    if (this.focusInput) this.input.current?.focus();
    this.focusInput = false;
  }

  render() {
    const { env } = this.props;
    return (
      <ChatPanel
        open={env.controller.isOpen}
        settings={env.settings}
        chat={this.chat}
        t={env.t}
        inputRef={this.input}
        logRef={this.log}
        onClose={() => env.controller.setOpen(false)}
      />
    );
  }
}

// widget-panel.js: the chat UI widget.js loads on first open or when the page is idle; it only registers itself.
window.__frontdeskPanel = (env) => render(<Panel env={env} />, env.slot);
