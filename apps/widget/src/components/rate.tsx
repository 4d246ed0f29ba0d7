import type { ChatMessage, ChatStore } from "../chat-store";
import type { Strings } from "../i18n";
import type { Rating } from "../types";

/** Thumbs up/down under a stored answer; aria-pressed says which one the visitor chose (again takes it back). */
export function Rate({ m, chat, t }: { m: ChatMessage; chat: ChatStore; t: Strings }) {
  const thumb = (rating: Rating, label: string, icon: string) => (
    <button type="button" aria-label={label} aria-pressed={m.rating === rating} onClick={() => chat.rate(m, rating)}>
      {icon}
    </button>
  );
  return (
    <div class="fd-rate">
      {thumb("up", t.helpful, "👍")}
      {thumb("down", t.notHelpful, "👎")}
    </div>
  );
}
