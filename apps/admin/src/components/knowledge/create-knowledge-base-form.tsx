"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function CreateKnowledgeBaseForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.knowledge.bases.create.mutationOptions({
      onSuccess: async (base) => {
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.bases.list.queryKey() });
        router.push(`/knowledge/${base.id}`);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get("description")).trim();
    create.mutate({ name: String(form.get("name")), description: description || undefined });
  }

  return (
    <form className="card" onSubmit={onSubmit}>
      <h2>New knowledge base</h2>
      <label>
        Name
        <input name="name" type="text" required />
      </label>
      <label>
        Description <span className="muted small">(optional)</span>
        <input name="description" type="text" />
      </label>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      <button type="submit" disabled={create.isPending}>
        Create knowledge base
      </button>
    </form>
  );
}
