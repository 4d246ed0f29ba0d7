"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Words a search term also matches in full-text search (e.g. "bill" → invoice, receipt): list, add or replace, delete. */
export function QueryExpansions({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const expansions = useQuery(trpc.knowledge.expansions.list.queryOptions({ knowledgeBaseId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.expansions.list.queryKey({ knowledgeBaseId }) });
  const upsert = useMutation(
    trpc.knowledge.expansions.upsert.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.knowledge.expansions.delete.mutationOptions({ onSuccess: refresh }));
  const error = upsert.error ?? remove.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const words = String(form.get("expansions"))
      .split(",")
      .map((word) => word.trim())
      .filter(Boolean);
    upsert.mutate({ knowledgeBaseId, term: String(form.get("term")).trim(), expansions: words });
  }

  return (
    <section className="card" data-testid="query-expansions">
      <h2>Query expansions</h2>
      {!expansions.data ? (
        <QueryState error={expansions.error} />
      ) : expansions.data.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <ul className="plain-list">
          {expansions.data.map((expansion) => (
            <li key={expansion.term} className="row" style={{ justifyContent: "space-between" }}>
              <span>
                <strong>{expansion.term}</strong> → {expansion.expansions.join(", ")}
              </span>
              <button type="button" className="link small" onClick={() => remove.mutate({ knowledgeBaseId, term: expansion.term })}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} onSubmit={onSubmit} className="row" style={{ marginTop: "0.75rem", alignItems: "flex-end" }}>
        <label style={{ width: 140, margin: 0 }}>
          Term
          <input name="term" type="text" required />
        </label>
        <label style={{ flex: 1, margin: 0 }}>
          Also matches <span className="muted small">(comma separated)</span>
          <input name="expansions" type="text" required />
        </label>
        <button type="submit" disabled={upsert.isPending}>
          Save
        </button>
      </form>
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </section>
  );
}
