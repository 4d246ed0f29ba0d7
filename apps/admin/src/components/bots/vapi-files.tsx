"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type Bot = RouterOutputs["bots"]["get"];
type Files = RouterOutputs["bots"]["vapiFiles"];

/** While uploads are queued or running, the status is re-read this often. */
const POLL_MS = 3_000;

/**
 * "Sync to Vapi": keep the bot's documents in Vapi's file store behind a query tool (for owners who prefer it to the
 * custom knowledge base), with each file's status. Uses the linked Vapi account, else the first connected one.
 */
export function VapiFiles({ bot, integrationIds }: { bot: Bot; integrationIds: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const files = useQuery({
    ...trpc.bots.vapiFiles.queryOptions({ id: bot.id }),
    refetchInterval: (query) => (query.state.data?.data.some((file) => file.status === "pending" || file.status === "deleting") ? POLL_MS : false),
  });
  const onSaved = (saved: Files) => queryClient.setQueryData(trpc.bots.vapiFiles.queryKey({ id: bot.id }), saved);
  const start = useMutation(trpc.bots.startVapiFiles.mutationOptions({ onSuccess: onSaved }));
  const stop = useMutation(trpc.bots.stopVapiFiles.mutationOptions({ onSuccess: onSaved }));
  const error = start.error ?? stop.error ?? files.error;
  const integrationId = integrationIds[0];
  const view = files.data;

  if (!view?.enabled) {
    return (
      <div className="stack" data-testid="vapi-files">
        <p className="muted small">Prefer Vapi&apos;s own file store? Upload the bot&apos;s documents to Vapi and keep them up to date as they change.</p>
        <button type="button" className="secondary" disabled={start.isPending || !integrationId} onClick={() => start.mutate({ id: bot.id, data: integrationId ? { integrationId } : {} })}>
          Sync files to Vapi
        </button>
        {error && <p className="error" role="alert">{errorMessage(error)}</p>}
      </div>
    );
  }
  return (
    <div className="stack" data-testid="vapi-files">
      <p className="small">
        Files synced to Vapi{view.queryToolId ? <> (query tool <code>{view.queryToolId}</code>)</> : null}:
      </p>
      {view.data.length === 0 ? (
        <p className="muted small">No ready documents yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Document</th>
              <th>Status</th>
              <th>In Vapi</th>
            </tr>
          </thead>
          <tbody>
            {view.data.map((file) => (
              <tr key={file.documentId} data-testid="vapi-file">
                <td>{file.title ?? file.fileName ?? file.documentId}</td>
                <td>
                  <span className="badge">{file.status}</span>
                  {file.error && <span className="error small"> {file.error}</span>}
                </td>
                <td className="small">{file.vapiStatus ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" className="secondary" disabled={start.isPending} onClick={() => start.mutate({ id: bot.id, data: view.integrationId ? { integrationId: view.integrationId } : {} })}>
          Sync now
        </button>
        <button type="button" className="secondary" disabled={stop.isPending} onClick={() => stop.mutate({ id: bot.id })}>
          Stop syncing (delete the files from Vapi)
        </button>
      </div>
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </div>
  );
}
