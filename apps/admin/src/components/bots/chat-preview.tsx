"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { CitationList } from "./citation-list";

type Citation = RouterOutputs["chat"]["send"]["citations"][number];

interface Turn {
  id: string;
  role: "user" | "assistant";
  content: string;
  citations: Citation[];
}

/** Talks to the bot exactly as the widget would, minus streaming, so owners can check answers before embedding. */
export function ChatPreview({ botId, greeting }: { botId: string; greeting: string }) {
  const trpc = useTRPC();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [conversationId, setConversationId] = useState<string | undefined>();
  const [draft, setDraft] = useState("");
  const log = useRef<HTMLDivElement>(null);
  const send = useMutation(
    trpc.chat.send.mutationOptions({
      onSuccess: (reply) => {
        setConversationId(reply.conversationId);
        setTurns((previous) => [
          ...previous,
          { id: reply.messageId, role: "assistant", content: reply.message, citations: reply.citations },
        ]);
      },
    }),
  );

  useEffect(() => {
    // Keep the newest turn in view without scrolling the page itself.
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [turns.length, send.isPending]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = draft.trim();
    if (!message || send.isPending) return;
    setTurns((previous) => [...previous, { id: `local-${previous.length}`, role: "user", content: message, citations: [] }]);
    setDraft("");
    send.mutate({ botId, message, conversationId });
  }

  function reset() {
    setTurns([]);
    setConversationId(undefined);
    send.reset();
  }

  return (
    <section className="card" data-testid="chat-preview">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Chat preview</h2>
        <button type="button" className="link small" onClick={reset}>
          New conversation
        </button>
      </div>
      <div className="chat-log" aria-live="polite" ref={log}>
        <div className="bubble assistant">{greeting}</div>
        {turns.map((turn) => (
          <div key={turn.id} className={`bubble ${turn.role}`} data-role={turn.role}>
            {turn.content}
            {turn.citations.length > 0 && <CitationList citations={turn.citations} />}
          </div>
        ))}
        {send.isPending && <div className="bubble assistant muted">Thinking…</div>}
      </div>
      {send.error && <p className="error" role="alert">{errorMessage(send.error)}</p>}
      <form className="row" onSubmit={onSubmit}>
        <input
          type="text"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="Ask a question"
          aria-label="Message"
          style={{ flex: 1 }}
        />
        <button type="submit" disabled={send.isPending || draft.trim() === ""}>
          Send
        </button>
      </form>
    </section>
  );
}
