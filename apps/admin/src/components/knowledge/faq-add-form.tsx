"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function FaqAddForm({ knowledgeBaseId, onAdded }: { knowledgeBaseId: string; onAdded: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(
    trpc.knowledge.faqs.create.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await onAdded();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ knowledgeBaseId, question: String(form.get("question")), answer: String(form.get("answer")) });
  }

  return (
    <form onSubmit={onSubmit} ref={formRef} data-testid="faq-add">
      <label>
        Question
        <input name="question" type="text" required />
      </label>
      <label>
        Answer
        <textarea name="answer" rows={3} required />
      </label>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      <button type="submit" disabled={create.isPending}>
        Add question
      </button>
    </form>
  );
}
