"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

/** The organization's keys, masked (only the prefix is known), newest first; Revoke asks first. */
export function ApiKeyList({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }) }));

  return (
    <section className="card" data-testid="api-key-list">
      <h2>Keys</h2>
      {!keys.data ? (
        <QueryState error={keys.error} />
      ) : keys.data.length === 0 ? (
        <p className="muted small">No API keys yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Role</th>
                <th>Created</th>
                <th>Last used</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} data-testid="api-key" data-revoked={key.revokedAt !== null}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}••••••••</code>
                  </td>
                  <td>{key.role}</td>
                  <td className="small">{formatDateTime(key.createdAt)}</td>
                  <td className="small">{formatDateTime(key.lastUsedAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="badge fail">revoked</span>
                    ) : (
                      canManage && (
                        <button
                          type="button"
                          className="secondary small"
                          disabled={revoke.isPending}
                          onClick={() => window.confirm(`Revoke “${key.name}”? Anything using it stops working at once.`) && revoke.mutate({ id: key.id })}
                        >
                          Revoke
                        </button>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.error && <p className="error" role="alert">{errorMessage(revoke.error)}</p>}
    </section>
  );
}
