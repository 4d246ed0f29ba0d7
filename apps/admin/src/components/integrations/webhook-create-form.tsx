"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { webhookEvents, type WebhookEvent } from "./webhook-events";

/** Adds an endpoint and shows its signing secret, which the API returns only this once. */
export function WebhookCreateForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["lead.captured", "handoff.requested"]);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async () => {
        setUrl("");
        setDescription("");
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ url, description: description || undefined, events });
  }

  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>Add an endpoint</h2>
      <label>
        URL
        <input type="text" inputMode="url" value={url} onChange={(event) => setUrl(event.target.value)} required placeholder="https://hooks.example.com/frontdesk" />
      </label>
      <label>
        Description <span className="muted small">(optional)</span>
        <input type="text" value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <p className="label-like">Events</p>
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        {webhookEvents.map((name) => (
          <label key={name} className="checkbox" style={{ margin: 0 }}>
            <input
              type="checkbox"
              checked={events.includes(name)}
              onChange={(event) => setEvents(event.target.checked ? [...events, name] : events.filter((item) => item !== name))}
            />
            <code>{name}</code>
          </label>
        ))}
      </div>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      <button type="submit" disabled={create.isPending}>
        Add endpoint
      </button>
      {create.data && (
        <div className="notice-box" data-testid="signing-secret">
          <p className="small">
            Signing secret for <code>{create.data.url}</code> — copy it now, it is not shown again:
          </p>
          <pre className="snippet">{create.data.signingSecret}</pre>
          <CopyButton text={create.data.signingSecret} label="Copy secret" />
        </div>
      )}
    </form>
  );
}
