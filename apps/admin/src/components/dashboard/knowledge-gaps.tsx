"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { AnswerGapForm } from "./answer-gap-form";

type Gap = RouterOutputs["knowledgeGaps"]["list"][number];

/** Questions the bot could not answer, most asked first (similar wordings merged): answer one as an FAQ or dismiss it. */
export function KnowledgeGaps({ botId, botNames }: { botId?: string; botNames: Map<string, string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState<Gap | null>(null);
  const [answered, setAnswered] = useState<{ question: string; knowledgeBaseId: string } | null>(null);
  const gaps = useQuery(trpc.knowledgeGaps.list.queryOptions({ botId, limit: 20 }));
  const dismiss = useMutation(trpc.knowledgeGaps.dismiss.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));

  return (
    <section className="card" data-testid="knowledge-gaps">
      <h2>Unanswered questions</h2>
      {!gaps.data ? (
        <QueryState error={gaps.error} />
      ) : gaps.data.length === 0 ? (
        <p className="muted small">Nothing unanswered. Questions the bot cannot answer from its knowledge show up here, most asked first.</p>
      ) : (
        <ul className="plain-list gap-list">
          {gaps.data.map((gap) => (
            <li key={gap.id} data-testid="knowledge-gap">
              <div className="row" style={{ justifyContent: "space-between", flexWrap: "nowrap", alignItems: "flex-start" }}>
                <div style={{ minWidth: 0 }}>
                  <strong className="break">{gap.question}</strong>
                  <div className="muted small">
                    asked {gap.count}× · last {formatDateTime(gap.lastAskedAt)}
                    {botNames.size > 1 && ` · ${botNames.get(gap.botId) ?? "bot"}`}
                  </div>
                  {gap.examples.length > 1 && <div className="muted small break">also: {gap.examples.filter((e) => e !== gap.question).join(" · ")}</div>}
                </div>
                <div className="row" style={{ flexWrap: "nowrap" }}>
                  <button type="button" onClick={() => setAnswering(gap)}>
                    Answer it
                  </button>
                  <button type="button" className="secondary" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ id: gap.id })}>
                    Dismiss
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {answered && (
        <p className="notice" role="status">
          Saved as an FAQ: “{answered.question}” (<Link href={`/knowledge/${answered.knowledgeBaseId}/faq`}>FAQs</Link>)
        </p>
      )}
      {dismiss.error && <p className="error" role="alert">{errorMessage(dismiss.error)}</p>}
      {answering && <AnswerGapForm gap={answering} onClose={() => setAnswering(null)} onAnswered={setAnswered} />}
    </section>
  );
}
