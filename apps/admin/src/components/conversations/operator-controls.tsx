"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/**
 * Take over (the bot stops answering), reply as a person, release back to the bot, or resolve (close) it. Replying
 * to a conversation nobody has taken over takes it over too (the API does that).
 */
export function OperatorControls({ conversationId, status }: { conversationId: string; status: "open" | "handoff" | "closed" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.conversations.get.queryKey({ id: conversationId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.conversations.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.conversations.waitingCount.queryKey() }),
    ]);
  const takeOver = useMutation(trpc.conversations.takeOver.mutationOptions({ onSuccess: refresh }));
  const release = useMutation(trpc.conversations.release.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.conversations.close.mutationOptions({ onSuccess: refresh }));
  const reply = useMutation(
    trpc.conversations.reply.mutationOptions({
      onSuccess: async () => {
        setDraft("");
        await refresh();
      },
    }),
  );
  const error = takeOver.error ?? release.error ?? reply.error ?? close.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.trim() !== "") reply.mutate({ id: conversationId, text: draft });
  }

  if (status === "closed") return <p className="muted">This conversation is closed.</p>;
  return (
    <div className="stack" data-testid="operator-controls">
      <div className="row">
        {status === "handoff" ? (
          <button type="button" className="secondary" disabled={release.isPending} onClick={() => release.mutate({ id: conversationId })}>
            Release to bot
          </button>
        ) : (
          <button type="button" disabled={takeOver.isPending} onClick={() => takeOver.mutate({ id: conversationId })}>
            Take over
          </button>
        )}
        <button type="button" className="secondary" disabled={close.isPending} onClick={() => close.mutate({ id: conversationId })}>
          Resolve
        </button>
        <span className="muted small">
          {status === "handoff" ? "A person is handling this conversation; the bot stays quiet." : "The bot is answering."}
        </span>
      </div>
      <form className="row" onSubmit={onSubmit}>
        <input
          type="text"
          aria-label="Reply"
          placeholder="Reply to the visitor as yourself"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          style={{ flex: 1 }}
        />
        <button type="submit" disabled={reply.isPending || draft.trim() === ""}>
          Send reply
        </button>
      </form>
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </div>
  );
}
