"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { AddTextForm } from "./add-text-form";
import { DocumentList } from "./document-list";
import { KnowledgeBaseStats } from "./knowledge-base-stats";
import { SearchBox } from "./search-box";
import { UploadFilesForm } from "./upload-files-form";

export function KnowledgeBaseDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const base = useQuery(trpc.knowledge.bases.get.queryOptions({ id }));
  if (!base.data) return <QueryState error={base.error} />;

  return (
    <>
      <p className="small">
        <Link href="/knowledge">← Knowledge bases</Link>
      </p>
      <h1>{base.data.name}</h1>
      {base.data.description && <p className="muted">{base.data.description}</p>}
      <div className="stack">
        <KnowledgeBaseStats knowledgeBaseId={id} />
        <div className="grid-2">
          <UploadFilesForm knowledgeBaseId={id} />
          <AddTextForm knowledgeBaseId={id} />
        </div>
        <DocumentList knowledgeBaseId={id} />
        <SearchBox knowledgeBaseId={id} />
      </div>
    </>
  );
}
