"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { IntegrationsNav } from "./integrations-nav";
import { WebhookCreateForm } from "./webhook-create-form";
import { WebhookDeliveries } from "./webhook-deliveries";

export function WebhooksPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: refresh }));
  const error = update.error ?? remove.error;

  return (
    <>
      <h1>Webhooks</h1>
      <IntegrationsNav />
      <WebhookCreateForm />
      <section className="card">
        <h2>Endpoints</h2>
        {!endpoints.data ? (
          <QueryState error={endpoints.error} />
        ) : endpoints.data.length === 0 ? (
          <p className="muted">No endpoints yet.</p>
        ) : (
          <ul className="plain-list" data-testid="webhooks">
            {endpoints.data.map((endpoint) => (
              <li key={endpoint.id} className="list-item">
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <div>
                    <code>{endpoint.url}</code> <span className={`badge ${endpoint.enabled ? "ok" : ""}`}>{endpoint.enabled ? "enabled" : "disabled"}</span>
                    <div className="muted small">
                      {endpoint.description && `${endpoint.description} · `}
                      {endpoint.events.join(", ")} · secret {endpoint.secret}
                    </div>
                  </div>
                  <div className="row">
                    <button type="button" className="secondary small" onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}>
                      {open === endpoint.id ? "Hide deliveries" : "Deliveries"}
                    </button>
                    <button
                      type="button"
                      className="link small"
                      onClick={() => update.mutate({ id: endpoint.id, data: { enabled: !endpoint.enabled } })}
                    >
                      {endpoint.enabled ? "Disable" : "Enable"}
                    </button>
                    <button
                      type="button"
                      className="link small"
                      onClick={() => {
                        if (window.confirm(`Delete ${endpoint.url}?`)) remove.mutate({ id: endpoint.id });
                      }}
                    >
                      Delete
                    </button>
                  </div>
                </div>
                {open === endpoint.id && <WebhookDeliveries endpointId={endpoint.id} />}
              </li>
            ))}
          </ul>
        )}
        {error && <p className="error" role="alert">{errorMessage(error)}</p>}
      </section>
    </>
  );
}
