"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { AnswerModelForm } from "./answer-model-form";

/** Which mode answers use now and whose setting it is, then the form to set or clear the organization's model. */
export function AnswerModelSection() {
  const trpc = useTRPC();
  const view = useQuery(trpc.answerModel.get.queryOptions());
  if (!view.data) return <QueryState error={view.error} />;
  const { data } = view;
  const server = data.serverDefault;
  return (
    <section className="card" aria-labelledby="answer-model-heading">
      <h2 id="answer-model-heading">Answer model</h2>
      <p data-testid="answer-mode" data-answer-mode={data.answerMode}>
        <span className={`badge ${data.answerMode === "model" ? "ok" : "pending"}`}>{data.answerMode === "model" ? "Language model" : "Extractive"}</span>{" "}
        <strong>{data.description}</strong>
      </p>
      {data.answerMode === "extractive" && (
        <p className="muted small">
          Answers quote the best passages from your knowledge, with citations. Bots&apos; system prompts have no effect in this mode.
        </p>
      )}
      <p className="muted small">
        Server default:{" "}
        {server.answerMode === "model" ? `${server.provider ?? ""}${server.model ? `/${server.model}` : ""}` : "extractive (no language model configured)"}
      </p>
      {data.organization?.hasKey && (
        <p className="small">
          Stored API key: <code data-testid="key-hint">{data.organization.keyHint}</code>
        </p>
      )}
      {/* Keyed by updatedAt so the form restarts from what the server saved. */}
      <AnswerModelForm key={data.organization?.updatedAt ?? "server"} current={data.organization} />
    </section>
  );
}
