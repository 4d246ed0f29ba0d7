"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/lib/trpc";
import { isBusy } from "./document-row";

const POLL_MS = 1_500;

/**
 * Documents of one knowledge base, re-fetched every 1.5 s while any is still being ingested (new versions of
 * ready documents too). When the last one settles, the stats are refreshed once so chunk and token totals catch up.
 */
export function useDocuments(knowledgeBaseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const documents = useQuery({
    ...trpc.knowledge.documents.list.queryOptions({ knowledgeBaseId }),
    refetchInterval: (query) => (query.state.data?.some((document) => isBusy(document)) ? POLL_MS : false),
  });
  const busy = documents.data?.some((document) => isBusy(document)) ?? false;

  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.knowledge.bases.stats.queryKey({ id: knowledgeBaseId }) });
  }, [busy, documents.dataUpdatedAt, queryClient, trpc, knowledgeBaseId]);

  return documents;
}
