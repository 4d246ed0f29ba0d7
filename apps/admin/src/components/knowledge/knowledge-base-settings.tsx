"use client";

import { useQuery } from "@tanstack/react-query";
import { AdminOnly } from "@/components/admin-only";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { EmbeddingModelForm } from "./embedding-model-form";
import { QueryExpansions } from "./query-expansions";
import { RetrievalSettingsForm } from "./retrieval-settings-form";

export function KnowledgeBaseSettings({ id }: { id: string }) {
  const trpc = useTRPC();
  const base = useQuery(trpc.knowledge.bases.get.queryOptions({ id }));
  if (!base.data) return <QueryState error={base.error} />;
  return (
    <div className="grid-2">
      <AdminOnly note="Only owners and admins change how this knowledge base is searched and embedded.">
        <RetrievalSettingsForm base={base.data} />
      </AdminOnly>
      <div className="stack">
        <AdminOnly>
          <EmbeddingModelForm base={base.data} />
        </AdminOnly>
        <QueryExpansions knowledgeBaseId={id} />
      </div>
    </div>
  );
}
