"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type Bot = RouterOutputs["bots"]["get"];

/** Which knowledge bases the bot answers from; each checkbox links or unlinks one. */
export function BotKnowledgeBases({ bot }: { bot: Bot }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bases = useQuery(trpc.knowledge.bases.list.queryOptions());
  // The state a click asked for, shown until the server answers.
  const [requested, setRequested] = useState<Record<string, boolean>>({});
  const onSuccess = (saved: Bot) => {
    queryClient.setQueryData(trpc.bots.get.queryKey({ id: bot.id }), saved);
    return queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
  };
  const onSettled = (_data: unknown, _error: unknown, input: { knowledgeBaseId: string }) =>
    setRequested(({ [input.knowledgeBaseId]: _done, ...rest }) => rest);
  const link = useMutation(trpc.bots.linkKnowledgeBase.mutationOptions({ onSuccess, onSettled }));
  const unlink = useMutation(trpc.bots.unlinkKnowledgeBase.mutationOptions({ onSuccess, onSettled }));
  const error = link.error ?? unlink.error;

  function toggle(knowledgeBaseId: string, linked: boolean) {
    setRequested((current) => ({ ...current, [knowledgeBaseId]: !linked }));
    const input = { botId: bot.id, knowledgeBaseId };
    if (linked) unlink.mutate(input);
    else link.mutate(input);
  }

  return (
    <section className="card">
      <h2>Knowledge bases</h2>
      {!bases.data ? (
        <QueryState error={bases.error} />
      ) : bases.data.length === 0 ? (
        <p className="muted">
          No knowledge bases yet. <Link href="/knowledge">Create one</Link>.
        </p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {bases.data.map((base) => {
            const linked = requested[base.id] ?? bot.knowledgeBaseIds.includes(base.id);
            return (
              <li key={base.id} className="row" style={{ justifyContent: "space-between" }}>
                <label className="checkbox" style={{ margin: "0.25rem 0" }}>
                  <input
                    type="checkbox"
                    checked={linked}
                    disabled={base.id in requested}
                    onChange={() => toggle(base.id, linked)}
                  />
                  {base.name}
                </label>
                <Link href={`/knowledge/${base.id}`} className="small">
                  View documents ({base.documentCount})
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </section>
  );
}
