"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Modal } from "@/components/modal";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { GapKnowledgeBasePicker } from "./gap-knowledge-base-picker";

type Gap = RouterOutputs["knowledgeGaps"]["list"][number];

/**
 * "Answer it": the question (editable) and an answer become an FAQ in the bot's knowledge (the knowledge base is
 * picked when the bot has several); the gap is resolved.
 */
export function AnswerGapForm({
  gap,
  onClose,
  onAnswered,
}: {
  gap: Gap;
  onClose: () => void;
  onAnswered: (faq: { question: string; knowledgeBaseId: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const answer = useMutation(
    trpc.knowledgeGaps.answer.mutationOptions({
      onSuccess: async ({ faq }) => {
        onAnswered(faq);
        onClose();
        await queryClient.invalidateQueries();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const knowledgeBaseId = form.get("knowledgeBaseId");
    answer.mutate({
      id: gap.id,
      question: String(form.get("question")).trim(),
      answer: String(form.get("answer")).trim(),
      ...(typeof knowledgeBaseId === "string" && knowledgeBaseId ? { knowledgeBaseId } : {}),
    });
  }

  return (
    <Modal title="Answer it" onClose={onClose}>
      <form onSubmit={onSubmit} data-testid="answer-gap-form">
        <p className="muted small">Saved as an FAQ in the bot&apos;s knowledge, so the next visitor who asks gets this answer.</p>
        <label>
          Question
          <input name="question" type="text" defaultValue={gap.question} required />
        </label>
        <label>
          Answer
          <textarea name="answer" required autoFocus />
        </label>
        <GapKnowledgeBasePicker botId={gap.botId} />
        {answer.error && <p className="error" role="alert">{errorMessage(answer.error)}</p>}
        <div className="row">
          <button type="submit" disabled={answer.isPending}>
            Save as FAQ
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
