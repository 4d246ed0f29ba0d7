"use client";

import { useQuery } from "@tanstack/react-query";
import { AdminOnly } from "@/components/admin-only";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { EmbeddingModelForm } from "./embedding-model-form";
import { KnowledgeBaseGeneral } from "./knowledge-base-general";
import { QueryExpansions } from "./query-expansions";
import { RetrievalSettingsForm } from "./retrieval-settings-form";

export function KnowledgeBaseSettings({ id }: { id: string }) {
  const trpc = useTRPC();
  const base = useQuery(trpc.knowledge.bases.get.queryOptions({ id }));
  if (!base.data) return <QueryState error={base.error} />;
  return (
    <div className="grid-2">
      <div className="stack">
        <AdminOnly note="Only owners and admins rename, delete and change how this knowledge base is searched and embedded.">
          <KnowledgeBaseGeneral base={base.data} />
          <RetrievalSettingsForm base={base.data} />
        </AdminOnly>
      </div>
      <div className="stack">
        <AdminOnly>
          <EmbeddingModelForm base={base.data} />
        </AdminOnly>
        <QueryExpansions knowledgeBaseId={id} />
      </div>
    </div>
  );
}
