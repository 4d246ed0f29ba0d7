"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { ProgressBar } from "@/components/progress-bar";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type KnowledgeBase = RouterOutputs["knowledge"]["bases"]["get"];

/**
 * The embedding model, and switching it: the API re-embeds every chunk in the background while searches keep
 * using the current model; progress shows here (the page polls the knowledge base meanwhile).
 */
export function EmbeddingModelForm({ base }: { base: KnowledgeBase }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.knowledge.bases.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.knowledge.bases.get.queryKey({ id: base.id }), saved),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const model = String(new FormData(event.currentTarget).get("embeddingModel")).trim();
    if (model && model !== base.embeddingModel) update.mutate({ id: base.id, data: { embeddingModel: model } });
  }

  return (
    <form className="card" onSubmit={onSubmit} data-testid="embedding-model">
      <h2>Embedding model</h2>
      <p className="small">
        Current: <code>{base.embeddingModel}</code> ({base.embeddingDimensions} dimensions)
      </p>
      {base.nextEmbeddingModel && (
        <div className="small" data-testid="reembed-status">
          Re-embedding to <code>{base.nextEmbeddingModel}</code>: {base.reembedProgress}%
          <ProgressBar value={base.reembedProgress} label="Re-embedding" />
        </div>
      )}
      {base.reembedError && <p className="error small">Re-embedding failed: {base.reembedError}</p>}
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label style={{ flex: 1, margin: 0 }}>
          Switch to model
          <input name="embeddingModel" type="text" defaultValue={base.embeddingModel} />
        </label>
        <button type="submit" disabled={update.isPending || base.nextEmbeddingModel !== null}>
          Re-embed
        </button>
      </div>
      {update.error && <p className="error" role="alert">{errorMessage(update.error)}</p>}
    </form>
  );
}
