"use client";

import { useEffect, useRef } from "react";
import type { LiveCallEvent } from "./use-live-call";

/**
 * The call as it is spoken: final lines from the caller and the AI (and the owner's interventions), then the line
 * being spoken now (the latest partial transcript). Keeps the newest line in view.
 */
export function LiveTranscript({ events }: { events: LiveCallEvent[] }) {
  const end = useRef<HTMLDivElement>(null);
  const lines = events.filter((event) => (event.type === "transcript" && event.isFinal) || event.type === "control");
  const lastFinal = events.findLastIndex((event) => event.type === "transcript" && event.isFinal);
  const speaking = events.findLast((event, index) => event.type === "transcript" && !event.isFinal && index > lastFinal);
  // Braces matter: newer browsers return a promise from scrollIntoView, and React would call it as a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [events.length]);
  return (
    <div className="chat-log tall" aria-live="polite" data-testid="live-transcript">
      {lines.map((line) =>
        line.type === "control" ? (
          <div key={line.id} className="bubble operator" data-speaker="owner">
            <div className="muted small">You · {String(line.data.action ?? "control")}</div>
            {line.text ?? ""}
          </div>
        ) : (
          <div key={line.id} className={`bubble ${line.speaker === "caller" ? "user" : "assistant"}`} data-speaker={line.speaker ?? "unknown"}>
            <div className="muted small">
              {line.speaker === "caller" ? "Caller" : "AI"}
              {line.secondsFromStart !== null && ` · ${line.secondsFromStart.toFixed(1)} s`}
            </div>
            {line.text}
          </div>
        ),
      )}
      {speaking && (
        <div className={`bubble ${speaking.speaker === "caller" ? "user" : "assistant"} partial`} data-speaker={speaking.speaker ?? "unknown"} data-partial="true">
          <div className="muted small">{speaking.speaker === "caller" ? "Caller" : "AI"} · speaking…</div>
          <em>{speaking.text}</em>
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
