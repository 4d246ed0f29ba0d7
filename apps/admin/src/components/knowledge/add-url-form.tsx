"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Adds one web page as a document (the API fetches and ingests it). */
export function AddUrlForm({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const add = useMutation(
    trpc.knowledge.documents.addUrl.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate({ knowledgeBaseId, url: String(new FormData(event.currentTarget).get("url")).trim() });
  }

  return (
    <form onSubmit={onSubmit} ref={formRef} className="row" style={{ marginTop: "1rem" }}>
      <input name="url" type="text" inputMode="url" aria-label="Page URL" placeholder="https://www.example.com/faq" required style={{ flex: 1 }} />
      <button type="submit" className="secondary" disabled={add.isPending}>
        Add web page
      </button>
      {add.error && <p className="error" role="alert">{errorMessage(add.error)}</p>}
    </form>
  );
}
