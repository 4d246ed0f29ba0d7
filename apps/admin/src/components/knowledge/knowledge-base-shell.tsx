"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { QueryState } from "@/components/query-state";
import { TabNav } from "@/components/tab-nav";
import { useTRPC } from "@/lib/trpc";
import { KnowledgeBaseStats } from "./knowledge-base-stats";

const POLL_MS = 2_000;

/** Header, stats and tabs shared by a knowledge base's pages. */
export function KnowledgeBaseShell({ id, children }: { id: string; children: ReactNode }) {
  const trpc = useTRPC();
  const base = useQuery({
    ...trpc.knowledge.bases.get.queryOptions({ id }),
    // While a re-embedding runs its progress lives on the knowledge base itself.
    refetchInterval: (query) => (query.state.data?.nextEmbeddingModel ? POLL_MS : false),
  });
  if (!base.data) return <QueryState error={base.error} />;
  const tabs = [
    { href: `/knowledge/${id}`, label: "Documents" },
    { href: `/knowledge/${id}/faq`, label: "FAQ" },
    { href: `/knowledge/${id}/crawl`, label: "Website" },
    { href: `/knowledge/${id}/search`, label: "Test search" },
    { href: `/knowledge/${id}/settings`, label: "Settings" },
  ];

  return (
    <>
      <p className="small">
        <Link href="/knowledge">← Knowledge bases</Link>
      </p>
      <h1>{base.data.name}</h1>
      {base.data.description && <p className="muted">{base.data.description}</p>}
      <TabNav links={tabs} />
      <div className="stack">
        <KnowledgeBaseStats knowledgeBaseId={id} />
        {children}
      </div>
    </>
  );
}
