"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type KnowledgeBase = RouterOutputs["knowledge"]["bases"]["get"];

/** How searches rank passages in this knowledge base; saved as a patch, applied to the next search. */
export function RetrievalSettingsForm({ base }: { base: KnowledgeBase }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = base.retrievalSettings;
  const update = useMutation(
    trpc.knowledge.bases.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.knowledge.bases.get.queryKey({ id: base.id }), saved),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minScore = String(form.get("minScore")).trim();
    update.mutate({
      id: base.id,
      data: {
        retrievalSettings: {
          fusion: form.get("fusion") === "rrf" ? "rrf" : "convex",
          vectorWeight: Number(form.get("vectorWeight")),
          fullTextWeight: Number(form.get("fullTextWeight")),
          minScore: minScore === "" ? null : Number(minScore),
          topK: Number(form.get("topK")),
          rerank: form.get("rerank") === "on",
          feedback: form.get("feedback") === "on",
          adaptiveFusion: form.get("adaptiveFusion") === "on",
        },
      },
    });
  }

  return (
    <form className="card" onSubmit={onSubmit} key={base.updatedAt} data-testid="retrieval-settings">
      <h2>Retrieval settings</h2>
      <div className="grid-2">
        <label>
          Fusion
          <select name="fusion" defaultValue={settings.fusion}>
            <option value="convex">Weighted scores (convex)</option>
            <option value="rrf">Reciprocal rank fusion</option>
          </select>
        </label>
        <label>
          Results per search (top K)
          <input name="topK" type="number" min={1} max={50} defaultValue={settings.topK} />
        </label>
        <label>
          Vector weight
          <input name="vectorWeight" type="number" min={0} max={1} step={0.05} defaultValue={settings.vectorWeight} />
        </label>
        <label>
          Full-text weight
          <input name="fullTextWeight" type="number" min={0} max={1} step={0.05} defaultValue={settings.fullTextWeight} />
        </label>
        <label>
          Minimum similarity <span className="muted small">(empty: none)</span>
          <input name="minScore" type="number" min={0} max={1} step={0.01} defaultValue={settings.minScore ?? ""} />
        </label>
      </div>
      <label className="checkbox">
        <input name="rerank" type="checkbox" defaultChecked={settings.rerank} />
        Rerank results by how closely the query terms appear together
      </label>
      <label className="checkbox">
        <input name="feedback" type="checkbox" defaultChecked={settings.feedback} />
        Expand searches with words from the best first results (pseudo-relevance feedback)
      </label>
      <label className="checkbox">
        <input name="adaptiveFusion" type="checkbox" defaultChecked={settings.adaptiveFusion} />
        Rank by words alone when a question&apos;s meaning does not match its words (e.g. a language the embedding model cannot read)
      </label>
      {update.error && <p className="error" role="alert">{errorMessage(update.error)}</p>}
      <div className="row">
        <button type="submit" disabled={update.isPending}>
          Save retrieval settings
        </button>
        {update.isSuccess && <span className="notice">Saved</span>}
      </div>
    </form>
  );
}
