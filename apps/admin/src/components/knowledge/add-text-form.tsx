"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function AddTextForm({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const add = useMutation(
    trpc.knowledge.documents.addText.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add.mutate({ knowledgeBaseId, title: String(form.get("title")), text: String(form.get("text")) });
  }

  return (
    <form className="card" onSubmit={onSubmit} ref={formRef}>
      <h2>Add text</h2>
      <label>
        Title
        <input name="title" type="text" required />
      </label>
      <label>
        Text
        <textarea name="text" rows={4} required />
      </label>
      {add.error && <p className="error" role="alert">{errorMessage(add.error)}</p>}
      <button type="submit" disabled={add.isPending}>
        Add document
      </button>
    </form>
  );
}
