"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** The organization's answer mode in one line, for every member. */
export function AnswerModeBadge() {
  const trpc = useTRPC();
  const mode = useQuery(trpc.answerModel.mode.queryOptions());
  if (!mode.data) return null;
  return (
    <p data-testid="answer-mode" data-answer-mode={mode.data.answerMode}>
      {mode.data.answerMode === "model" ? "Answers are written by a language model." : "Extractive answers — quoted passages with citations, no language model."}
    </p>
  );
}
