"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/**
 * This week's suggestions for the bot's prompt or knowledge, each with what it rests on: mark one done or dismiss it,
 * or look at the past 7 days now instead of waiting for Monday (when one bot is in view).
 */
export function PromptSuggestions({ botId, botNames }: { botId?: string; botNames: Map<string, string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const suggestions = useQuery(trpc.suggestions.list.queryOptions({ botId, limit: 20 }));
  const settle = { onSuccess: () => queryClient.invalidateQueries() };
  const dismiss = useMutation(trpc.suggestions.dismiss.mutationOptions(settle));
  const done = useMutation(trpc.suggestions.done.mutationOptions(settle));
  const generate = useMutation(trpc.suggestions.generate.mutationOptions(settle));
  const busy = dismiss.isPending || done.isPending || generate.isPending;
  const soleBotId = botId ?? (botNames.size === 1 ? [...botNames.keys()][0] : undefined);
  const failure = dismiss.error ?? done.error ?? generate.error;

  return (
    <section className="card" data-testid="prompt-suggestions">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Suggestions this week</h2>
        {soleBotId && (
          <button type="button" className="secondary" disabled={busy} onClick={() => generate.mutate({ botId: soleBotId })}>
            {generate.isPending ? "Looking at the week…" : "Suggest now"}
          </button>
        )}
      </div>
      {!suggestions.data ? (
        <QueryState error={suggestions.error} />
      ) : suggestions.data.length === 0 ? (
        <p className="muted small">
          No suggestions. Every Monday the front desk looks back at the week — unanswered questions, frustrated visitors, failing tools — and suggests what to
          add to the bot&apos;s knowledge or prompt.
        </p>
      ) : (
        <ul className="plain-list gap-list">
          {suggestions.data.map((suggestion) => (
            <li key={suggestion.id} data-testid="suggestion" data-kind={suggestion.kind}>
              <div className="row" style={{ justifyContent: "space-between", flexWrap: "nowrap", alignItems: "flex-start" }}>
                <div style={{ minWidth: 0 }}>
                  <strong className="break">{suggestion.title}</strong>
                  <div className="small break">{suggestion.detail}</div>
                  <div className="muted small break" data-testid="suggestion-evidence">
                    {suggestion.evidence.total !== undefined ? `${suggestion.evidence.count} of ${suggestion.evidence.total}` : `${suggestion.evidence.count}×`}
                    {suggestion.evidence.conversationIds.length > 0 && (
                      <>
                        {" · "}
                        {suggestion.evidence.conversationIds.map((id, index) => (
                          <span key={id}>
                            {index > 0 && ", "}
                            <Link href={`/conversations/${id}`}>conversation {index + 1}</Link>
                          </span>
                        ))}
                      </>
                    )}
                    {botNames.size > 1 && ` · ${botNames.get(suggestion.botId) ?? "bot"}`}
                    {suggestion.method === "model" && " · worded by the model"}
                  </div>
                </div>
                <div className="row" style={{ flexWrap: "nowrap" }}>
                  <button type="button" disabled={busy} onClick={() => done.mutate({ id: suggestion.id })}>
                    Done
                  </button>
                  <button type="button" className="secondary" disabled={busy} onClick={() => dismiss.mutate({ id: suggestion.id })}>
                    Dismiss
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p className="error" role="alert">
          {errorMessage(failure)}
        </p>
      )}
    </section>
  );
}
