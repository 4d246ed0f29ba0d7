"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

export function KnowledgeBaseStats({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const stats = useQuery(trpc.knowledge.bases.stats.queryOptions({ id: knowledgeBaseId }));
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
