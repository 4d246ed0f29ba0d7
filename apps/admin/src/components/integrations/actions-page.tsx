"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Modal } from "@/components/modal";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { ActionEditor, type CustomAction } from "./action-editor";
import { ActionTryIt } from "./action-try-it";
import { IntegrationsNav } from "./integrations-nav";

type Dialog = { kind: "edit"; action?: CustomAction } | { kind: "try"; action: CustomAction };

export function ActionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const actions = useQuery(trpc.actions.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const remove = useMutation(
    trpc.actions.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.actions.list.queryKey() }) }),
  );

  return (
    <>
      <h1>Custom actions</h1>
      <IntegrationsNav />
      <section className="card">
        <div className="row" style={{ justifyContent: "space-between" }}>
          <p className="muted small" style={{ margin: 0 }}>
            HTTP endpoints of yours that bots can call as tools. Enable them per bot under the bot&apos;s Tools.
          </p>
          <button type="button" onClick={() => setDialog({ kind: "edit" })}>
            New action
          </button>
        </div>
        {!actions.data ? (
          <QueryState error={actions.error} />
        ) : actions.data.length === 0 ? (
          <p className="muted">No custom actions yet.</p>
        ) : (
          <table data-testid="actions">
            <thead>
              <tr>
                <th>Name</th>
                <th>Endpoint</th>
                <th>Auth</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {actions.data.map((action) => (
                <tr key={action.id} data-action={action.name}>
                  <td>
                    <code>{action.name}</code>{" "}
                    {!action.enabled && (
                      <span className="badge" data-testid="action-disabled" title={action.readOnly ? `Set "enabled": true in ${action.file} to use it` : undefined}>
                        {action.readOnly ? "disabled example" : "disabled"}
                      </span>
                    )}
                    <div className="muted small">{action.description}</div>
                  </td>
                  <td className="small">
                    {action.endpoint.method} {action.endpoint.url}
                  </td>
                  <td className="small">
                    {action.endpoint.auth.type}
                    {action.endpoint.auth.secret && <div className="muted">{action.endpoint.auth.secret}</div>}
                  </td>
                  <td>
                    <div className="row">
                      <button type="button" className="secondary small" onClick={() => setDialog({ kind: "try", action })}>
                        Try it
                      </button>
                      {!action.readOnly && (
                        <>
                          <button type="button" className="link small" onClick={() => setDialog({ kind: "edit", action })}>
                            Edit
                          </button>
                          <button
                            type="button"
                            className="link small"
                            onClick={() => {
                              if (window.confirm(`Delete ${action.name}?`)) remove.mutate({ id: action.id });
                            }}
                          >
                            Delete
                          </button>
                        </>
                      )}
                      {action.readOnly && <span className="muted small">from {action.file}</span>}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {remove.error && <p className="error" role="alert">{errorMessage(remove.error)}</p>}
      </section>
      {dialog?.kind === "edit" && (
        <Modal title={dialog.action ? `Edit ${dialog.action.name}` : "New custom action"} onClose={() => setDialog(null)}>
          <ActionEditor existing={dialog.action} onDone={() => setDialog(null)} />
        </Modal>
      )}
      {dialog?.kind === "try" && (
        <Modal title={`Try ${dialog.action.name}`} onClose={() => setDialog(null)}>
          <ActionTryIt action={dialog.action} />
        </Modal>
      )}
    </>
  );
}
