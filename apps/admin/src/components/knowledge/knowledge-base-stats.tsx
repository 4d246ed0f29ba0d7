"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { BUSY_POLL_MS, IDLE_POLL_MS } from "./poll-intervals";

export function KnowledgeBaseStats({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  // Counters follow ingestion on every tab (uploads, crawls, FAQ imports): re-read quickly while anything is in
  // progress, slowly otherwise (documents added from elsewhere).
  const stats = useQuery({
    ...trpc.knowledge.bases.stats.queryOptions({ id: knowledgeBaseId }),
    refetchInterval: (query) => {
      const documents = query.state.data?.documents;
      return documents && documents.queued + documents.processing > 0 ? BUSY_POLL_MS : IDLE_POLL_MS;
    },
  });
  const data = stats.data;
  const items: [string, number | undefined][] = [
    ["Documents", data?.documents.total],
    ["Ready", data?.documents.ready],
    ["In progress", data ? data.documents.queued + data.documents.processing : undefined],
    ["Failed", data?.documents.failed],
    ["Chunks", data?.chunks],
    ["Tokens", data?.tokens],
  ];

  return (
    <section className="card stats" data-testid="kb-stats">
      {items.map(([label, value]) => (
        <div className="stat" key={label} data-stat={label.toLowerCase()}>
          <strong>{value?.toLocaleString() ?? "–"}</strong>
          <span className="muted small">{label}</span>
        </div>
      ))}
    </section>
  );
}
