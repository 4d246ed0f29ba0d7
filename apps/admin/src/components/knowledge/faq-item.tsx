"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

export type Faq = RouterOutputs["knowledge"]["faqs"]["list"]["data"][number];

/** One question and answer: shown, edited in place, or deleted. */
export function FaqItem({ faq, onChanged }: { faq: Faq; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const done = async () => {
    setEditing(false);
    await onChanged();
    await queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey() });
  };
  const update = useMutation(trpc.knowledge.faqs.update.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.knowledge.faqs.delete.mutationOptions({ onSuccess: done }));
  const error = update.error ?? remove.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({ documentId: faq.id, data: { question: String(form.get("question")), answer: String(form.get("answer")) } });
  }

  return (
    <li className="list-item" data-faq={faq.question} data-document-status={faq.status}>
      {editing ? (
        <form onSubmit={onSubmit}>
          <label>
            Question
            <input name="question" type="text" defaultValue={faq.question} required />
          </label>
          <label>
            Answer
            <textarea name="answer" rows={3} defaultValue={faq.answer} required />
          </label>
          <div className="row">
            <button type="submit" className="small" disabled={update.isPending}>
              Save
            </button>
            <button type="button" className="link small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
          <div style={{ flex: 1 }}>
            <strong>{faq.question}</strong> <span className={`badge ${faq.status}`}>{faq.status}</span>
            <div className="small" style={{ whiteSpace: "pre-wrap" }}>
              {faq.answer}
            </div>
          </div>
          <div className="row">
            <button type="button" className="link small" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="link small"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm("Delete this question?")) remove.mutate({ documentId: faq.id });
              }}
            >
              Delete
            </button>
          </div>
        </div>
      )}
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </li>
  );
}
