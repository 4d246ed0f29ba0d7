"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { DocumentRow } from "./document-row";
import { RetryButton } from "./retry-button";
import { useDocuments } from "./use-documents";

export function DocumentList({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const documents = useDocuments(knowledgeBaseId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) });
  const remove = useMutation(trpc.knowledge.documents.delete.mutationOptions({ onSuccess: refresh }));

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
              <DocumentRow
                key={document.id}
                document={document}
                retryButton={<RetryButton knowledgeBaseId={knowledgeBaseId} documentId={document.id} />}
                onDelete={() => {
                  if (window.confirm(`Delete “${document.title}”?`)) remove.mutate({ knowledgeBaseId, documentId: document.id });
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {remove.error && <p className="error" role="alert">{errorMessage(remove.error)}</p>}
    </section>
  );
}
