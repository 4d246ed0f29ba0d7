"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { VapiFiles } from "./vapi-files";

type Bot = RouterOutputs["bots"]["get"];

/** Links the bot to a Vapi assistant through a connected `vapi` integration (create one, or point an existing one). */
export function VapiLink({ bot }: { bot: Bot }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const link = useQuery(trpc.bots.vapiLink.queryOptions({ id: bot.id }));
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const vapiAccounts = (integrations.data ?? []).filter((integration) => integration.type === "vapi");
  const [assistantId, setAssistantId] = useState("");
  const onSaved = (saved: RouterOutputs["bots"]["vapiLink"]) => queryClient.setQueryData(trpc.bots.vapiLink.queryKey({ id: bot.id }), saved);
  const linkVapi = useMutation(trpc.bots.linkVapi.mutationOptions({ onSuccess: onSaved }));
  const unlinkVapi = useMutation(trpc.bots.unlinkVapi.mutationOptions({ onSuccess: onSaved }));
  const error = linkVapi.error ?? unlinkVapi.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    linkVapi.mutate({ id: bot.id, data: { integrationId: String(form.get("integrationId")), ...(assistantId.trim() ? { assistantId: assistantId.trim() } : {}) } });
  }

  if (vapiAccounts.length === 0) {
    return (
      <p className="muted small">
        Or let Frontdesk set up the assistant: connect your Vapi account in <Link href="/integrations">Integrations</Link>.
      </p>
    );
  }
  if (link.data?.assistantId) {
    return (
      <div className="row" data-testid="vapi-link">
        <span className="small">
          Linked to Vapi assistant <code>{link.data.assistantId}</code> {link.data.created ? "(created by Frontdesk)" : ""}
        </span>
        <button type="button" className="secondary" disabled={linkVapi.isPending} onClick={() => linkVapi.mutate({ id: bot.id, data: { integrationId: link.data!.integrationId!, assistantId: link.data!.assistantId! } })}>
          Refresh
        </button>
        <button type="button" className="secondary" disabled={unlinkVapi.isPending} onClick={() => unlinkVapi.mutate({ id: bot.id })}>
          Unlink
        </button>
        {error && <p className="error" role="alert">{errorMessage(error)}</p>}
        <VapiFiles bot={bot} integrationIds={[link.data.integrationId!]} />
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} data-testid="vapi-link">
      <label>
        Vapi account
        <select name="integrationId" defaultValue={vapiAccounts[0]?.id}>
          {vapiAccounts.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Existing assistant id (empty: create one)
        <input name="assistantId" value={assistantId} onChange={(event) => setAssistantId(event.target.value)} />
      </label>
      <button type="submit" disabled={linkVapi.isPending || !bot.voice.serverSecret}>
        Link to Vapi
      </button>
      {!bot.voice.serverSecret && <p className="muted small">Save a secret first: Vapi must send it.</p>}
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </form>
  );
}
