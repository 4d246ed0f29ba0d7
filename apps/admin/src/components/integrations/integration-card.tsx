"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import type { Integration } from "./types";

/** One connected integration: status, last test/sync, and test / sync now / edit / disable / delete. */
export function IntegrationCard({ integration, onEdit }: { integration: Integration; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
  const test = useMutation(trpc.integrations.test.mutationOptions({ onSettled: refresh }));
  const sync = useMutation(trpc.integrations.sync.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.integrations.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.integrations.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        await queryClient.invalidateQueries({ queryKey: trpc.tools.list.queryKey() });
      },
    }),
  );
  // The newest answer of the two buttons, labelled by which one it was.
  const outcome =
    sync.submittedAt > test.submittedAt
      ? sync.data && { ok: sync.data.ok, error: sync.data.error, done: "Synced" }
      : test.data && { ok: test.data.ok, error: test.data.error, done: "Connection works" };
  const error = test.error ?? sync.error ?? update.error ?? remove.error;

  return (
    <article className="card" data-integration={integration.type} data-status={integration.status}>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h3 style={{ margin: 0 }}>{integration.name}</h3>
        <span className={`badge ${integration.status}`}>{integration.enabled ? integration.status : "disabled"}</span>
      </div>
      <p className="muted small">
        {integration.type} · tested {formatDateTime(integration.lastTestedAt)}
        {integration.canSync && ` · synced ${formatDateTime(integration.lastSyncedAt)}`}
      </p>
      {Object.entries(integration.secrets).map(([field, masked]) => (
        <p key={field} className="small">
          {field}: <code>{masked}</code>
        </p>
      ))}
      {integration.statusReason && <p className="error small">{integration.statusReason}</p>}
      {outcome && (
        <p className={outcome.ok ? "notice" : "error"} role="status">
          {outcome.ok ? outcome.done : `Refused: ${outcome.error ?? "unknown error"}`}
        </p>
      )}
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
      <div className="row">
        <button type="button" className="secondary small" disabled={test.isPending} onClick={() => test.mutate({ id: integration.id })}>
          {test.isPending ? "Testing…" : "Test connection"}
        </button>
        {integration.canSync && (
          <button type="button" className="secondary small" disabled={sync.isPending} onClick={() => sync.mutate({ id: integration.id })}>
            {sync.isPending ? "Syncing…" : "Sync now"}
          </button>
        )}
        <button type="button" className="secondary small" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="link small"
          onClick={() => update.mutate({ id: integration.id, data: { enabled: !integration.enabled } })}
        >
          {integration.enabled ? "Disable" : "Enable"}
        </button>
        <button
          type="button"
          className="link small"
          onClick={() => {
            if (window.confirm(`Remove ${integration.name}?`)) remove.mutate({ id: integration.id });
          }}
        >
          Delete
        </button>
      </div>
    </article>
  );
}
