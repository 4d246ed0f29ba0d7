"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";

type Mapping = RouterOutputs["knowledge"]["expansions"]["reviewQueue"][number];

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Where a mapping was learned: the failed wording and the one that worked, linking to the conversation. */
function LearnedFrom({ mapping }: { mapping: Mapping }) {
  const example = mapping.provenance.examples[0];
  if (!example) return <span className="muted small">added by hand</span>;
  const conversationId = text(example.conversationId);
  const by = text(example.answeredBy) === "operator" ? "an operator's reply" : "a rephrase";
  return (
    <span className="muted small break">
      “{text(example.failedQuery)}” failed, then {by} worked: “{text(example.answer)}”
      {conversationId && (
        <>
          {" "}
          (<Link href={`/conversations/${conversationId}`}>conversation</Link>)
        </>
      )}
      {mapping.provenance.examples.length > 1 && ` · seen ${mapping.provenance.examples.length}×`}
    </span>
  );
}

/** Learned mappings waiting for a person (approve → search uses them; reject → never proposed again) and flagged ones. */
export function MappingReviewQueue({ botId }: { botId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.knowledge.expansions.reviewQueue.queryOptions({ botId }));
  // A reviewed mapping stays in the list with its new status (and the opposite button, to undo) until the next load.
  const review = useMutation(
    trpc.knowledge.expansions.review.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.knowledge.expansions.reviewQueue.queryKey({ botId }), (old) =>
          old?.map((mapping) => (mapping.id === saved.id ? { ...mapping, ...saved } : mapping)),
        );
        await queryClient.invalidateQueries({ queryKey: trpc.analytics.overview.queryKey() });
      },
    }),
  );

  return (
    <section className="card" data-testid="review-queue">
      <h2>Learned mappings to review</h2>
      {!queue.data ? (
        <QueryState error={queue.error} />
      ) : queue.data.length === 0 ? (
        <p className="muted small">
          Nothing to review. When a visitor&apos;s question fails and a rephrase answers it, the bot proposes that the unknown word means
          the words that worked (e.g. “zafira” → car, park). Proposals wait here; search uses them only once approved.
        </p>
      ) : (
        <ul className="plain-list gap-list">
          {queue.data.map((mapping) => (
            <li key={mapping.id} data-testid="mapping" data-status={mapping.status}>
              <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <strong>{mapping.term}</strong> → {mapping.expansions.join(", ")}{" "}
                  <span className={`badge ${mapping.status}`}>{mapping.status}</span>{" "}
                  {mapping.flagged && (
                    <span className="badge fail" title="Used at least 3 times, successful in fewer than half">
                      flagged: {mapping.timesSuccessful}/{mapping.timesUsed} successful
                    </span>
                  )}
                  <div className="muted small">
                    {mapping.confidence !== null && `confidence ${Math.round(mapping.confidence * 100)}% · `}
                    {mapping.knowledgeBaseName}
                  </div>
                  <LearnedFrom mapping={mapping} />
                </div>
                <div className="row" style={{ flexWrap: "nowrap" }}>
                  {mapping.status !== "approved" && (
                    <button
                      type="button"
                      disabled={review.isPending}
                      onClick={() => review.mutate({ knowledgeBaseId: mapping.knowledgeBaseId, expansionId: mapping.id, approved: true })}
                    >
                      Approve
                    </button>
                  )}
                  {mapping.status !== "rejected" && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={review.isPending}
                    onClick={() => review.mutate({ knowledgeBaseId: mapping.knowledgeBaseId, expansionId: mapping.id, approved: false })}
                  >
                    Reject
                  </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {review.error && <p className="error" role="alert">{errorMessage(review.error)}</p>}
    </section>
  );
}
