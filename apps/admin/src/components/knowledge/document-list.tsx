"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useDocuments } from "./use-documents";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function DocumentList({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const documents = useDocuments(knowledgeBaseId);
  const remove = useMutation(
    trpc.knowledge.documents.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) }),
    }),
  );

  return (
    <section className="card">
      <h2>Documents</h2>
      {!documents.data ? (
        <QueryState error={documents.error} />
      ) : documents.data.length === 0 ? (
        <p className="muted">No documents yet. Upload files or add text above.</p>
      ) : (
        <table data-testid="documents">
          <thead>
            <tr>
              <th>Title</th>
              <th>Status</th>
              <th>Size</th>
              <th>Chunks</th>
              <th>Tokens</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {documents.data.map((document) => (
              <tr key={document.id} data-document-status={document.status}>
                <td>
                  {document.title}
                  <div className="muted small">
                    {document.sourceKind}
                    {document.sourceUri && ` · ${document.sourceUri}`}
                  </div>
                </td>
                <td>
                  <span className={`badge ${document.status}`}>{document.status}</span>
                  {document.status === "failed" && document.error && <div className="error small">{document.error}</div>}
                </td>
                <td className="small">{formatSize(document.sizeBytes)}</td>
                <td>{document.chunkCount}</td>
                <td>{document.tokenCount.toLocaleString()}</td>
                <td>
                  <button
                    type="button"
                    className="link small"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Delete “${document.title}”?`)) remove.mutate({ knowledgeBaseId, documentId: document.id });
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.error && <p className="error" role="alert">{errorMessage(remove.error)}</p>}
    </section>
  );
}
