"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/lib/trpc";
import { isBusy } from "./document-row";
import { BUSY_POLL_MS, IDLE_POLL_MS } from "./poll-intervals";

/**
 * Documents of one knowledge base, re-fetched every 1.5 s while any is still being ingested (new versions of
 * ready documents too), every 5 s otherwise so documents added elsewhere appear. When the last one settles, the stats are refreshed once so chunk and token totals catch up.
 */
export function useDocuments(knowledgeBaseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const documents = useQuery({
    ...trpc.knowledge.documents.list.queryOptions({ knowledgeBaseId }),
    refetchInterval: (query) => (query.state.data?.some((document) => isBusy(document)) ? BUSY_POLL_MS : IDLE_POLL_MS),
  });
  const busy = documents.data?.some((document) => isBusy(document)) ?? false;

  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.knowledge.bases.stats.queryKey({ id: knowledgeBaseId }) });
  }, [busy, documents.dataUpdatedAt, queryClient, trpc, knowledgeBaseId]);

  return documents;
}
