"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Queues a failed document's ingestion again. */
export function RetryButton({ knowledgeBaseId, documentId }: { knowledgeBaseId: string; documentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.knowledge.documents.retry.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) }),
    }),
  );
  return (
    <div>
      <button type="button" className="secondary small" disabled={retry.isPending} onClick={() => retry.mutate({ documentId })}>
        Retry
      </button>
      {retry.error && <p className="error small">{errorMessage(retry.error)}</p>}
    </div>
  );
}
