"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import type { LiveCallState } from "./use-live-call";

type Action = "say" | "add-message" | "mute" | "unmute" | "end";

/** Steering a live call: one-click suggestions, something for the AI to say or know, mute, unmute, end. */
export function CallControls({ call }: { call: LiveCallState }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const control = useMutation(trpc.calls.control.mutationOptions());
  const send = (action: Action, message?: string) => control.mutate({ id: call.id, action, message });
  if (call.status === "ended") return <p className="muted small">The call has ended.</p>;
  return (
    <div data-testid="call-controls">
      {call.suggestions.length > 0 && (
        <div className="row" data-testid="suggestions">
          <strong className="small">Suggested:</strong>
          {call.suggestions.map((suggestion) => (
            <button key={suggestion.id} type="button" title={suggestion.message} onClick={() => send("add-message", suggestion.message)} disabled={control.isPending}>
              {suggestion.label}
            </button>
          ))}
        </div>
      )}
      <div className="row">
        <input aria-label="Instruction" placeholder="Something the AI should say or know" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="button" disabled={!text.trim() || control.isPending} onClick={() => send("say", text.trim())}>
          Say it
        </button>
        <button type="button" disabled={!text.trim() || control.isPending} onClick={() => send("add-message", text.trim())}>
          Tell the AI
        </button>
      </div>
      <div className="row">
        <button type="button" onClick={() => send("mute")} disabled={control.isPending}>
          Mute AI
        </button>
        <button type="button" onClick={() => send("unmute")} disabled={control.isPending}>
          Unmute AI
        </button>
        <button type="button" className="secondary" onClick={() => send("end")} disabled={control.isPending}>
          End call
        </button>
      </div>
      {control.error && (
        <p className="error" role="alert">
          {errorMessage(control.error)}
        </p>
      )}
    </div>
  );
}
