"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { ConfirmDelete } from "@/components/confirm-delete";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type KnowledgeBase = RouterOutputs["knowledge"]["bases"]["get"];

/** Rename (name, description) and delete (asks first, then back to the list). */
export function KnowledgeBaseGeneral({ base }: { base: KnowledgeBase }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const update = useMutation(trpc.knowledge.bases.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const remove = useMutation(trpc.knowledge.bases.delete.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({ id: base.id, data: { name: String(form.get("name")).trim(), description: String(form.get("description")).trim() } });
  }

  return (
    <section className="card" data-testid="knowledge-base-general">
      <h2>Name</h2>
      <form onSubmit={onSubmit}>
        <label>
          Name
          <input name="name" type="text" defaultValue={base.name} required maxLength={200} />
        </label>
        <label>
          Description <span className="muted small">(optional)</span>
          <input name="description" type="text" defaultValue={base.description ?? ""} />
        </label>
        {update.error && <p className="error" role="alert">{errorMessage(update.error)}</p>}
        {update.isSuccess && <p className="notice" role="status">Saved.</p>}
        <button type="submit" disabled={update.isPending}>
          Save name
        </button>
      </form>
      <hr style={{ border: 0, borderTop: "1px solid var(--border)", margin: "1rem 0" }} />
      <p className="muted small">Deleting removes its documents, FAQs and crawls; bots that answered from it stop using it.</p>
      <ConfirmDelete
        label="Delete knowledge base"
        title={`Delete “${base.name}”?`}
        consequences={`${base.documentCount} document(s), their chunks, FAQs, crawls and query expansions are deleted, and bots stop answering from it. This cannot be undone.`}
        onConfirm={async () => {
          await remove.mutateAsync({ id: base.id });
          router.push("/knowledge");
          await queryClient.invalidateQueries();
        }}
      />
    </section>
  );
}
