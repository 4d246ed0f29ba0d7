"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Which tools (integration actions and custom actions) one bot may call; each toggle saves the whole set. */
export function BotTools({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bot = useQuery(trpc.bots.get.queryOptions({ id: botId }));
  const tools = useQuery(trpc.tools.list.queryOptions());
  const enabled = useQuery(trpc.tools.forBot.queryOptions({ botId }));
  // The set a click asked for, shown until the server answers (a controlled checkbox must change at once).
  const [requested, setRequested] = useState<string[] | null>(null);
  const save = useMutation(
    trpc.tools.setForBot.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.tools.forBot.queryKey({ botId }), saved),
      onSettled: () => setRequested(null),
    }),
  );
  const current = requested ?? enabled.data?.tools ?? [];

  function toggle(name: string, on: boolean) {
    const tools = on ? [...current, name] : current.filter((tool) => tool !== name);
    setRequested(tools);
    save.mutate({ botId, tools });
  }

  return (
    <>
      <p className="small">
        <Link href={`/bots/${botId}`}>← {bot.data?.name ?? "Bot"}</Link>
      </p>
      <h1>Tools</h1>
      <section className="card">
        <p className="muted small">
          Tools come from <Link href="/integrations">connected integrations</Link> and{" "}
          <Link href="/integrations/actions">custom actions</Link>. The bot calls an enabled tool when a visitor&apos;s
          request needs it.
        </p>
        {!tools.data || !enabled.data ? (
          <QueryState error={tools.error ?? enabled.error} />
        ) : tools.data.data.length === 0 ? (
          <p className="muted">No tools yet: connect an integration or create a custom action.</p>
        ) : (
          <ul className="plain-list" data-testid="bot-tools">
            {tools.data.data.map((tool) => (
              <li key={tool.name}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={current.includes(tool.name)}
                    disabled={save.isPending}
                    onChange={(event) => toggle(tool.name, event.target.checked)}
                  />
                  <code>{tool.name}</code>
                  <span className="muted small">
                    {tool.kind === "integration" ? `${tool.integrationType} integration` : `custom action (${tool.origin})`}
                  </span>
                </label>
                <p className="muted small field-help">{tool.description}</p>
              </li>
            ))}
          </ul>
        )}
        {save.error && <p className="error" role="alert">{errorMessage(save.error)}</p>}
        {save.isSuccess && <p className="notice">Saved</p>}
      </section>
    </>
  );
}
