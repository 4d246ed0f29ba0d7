"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

const POLL_MS = 1_500;
const isActive = (status: string) => status === "queued" || status === "running";

/** Crawls of one knowledge base with their page counts, polled while any is queued or running. */
export function CrawlList({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const crawls = useQuery({
    ...trpc.knowledge.crawls.list.queryOptions({ knowledgeBaseId }),
    refetchInterval: (query) => (query.state.data?.some((crawl) => isActive(crawl.status)) ? POLL_MS : false),
  });
  const active = crawls.data?.some((crawl) => isActive(crawl.status)) ?? false;

  // Crawled pages become documents; refresh the document list while pages arrive and once at the end.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) });
  }, [active, crawls.dataUpdatedAt, queryClient, trpc, knowledgeBaseId]);

  return (
    <section className="card">
      <h2>Crawls</h2>
      {!crawls.data ? (
        <QueryState error={crawls.error} />
      ) : crawls.data.length === 0 ? (
        <p className="muted">No crawls yet.</p>
      ) : (
        <table data-testid="crawls">
          <thead>
            <tr>
              <th>Start</th>
              <th>Status</th>
              <th>Found</th>
              <th>Ingested</th>
              <th>Unchanged</th>
              <th>Skipped</th>
              <th>Failed</th>
              <th title="Documents of pages gone since an earlier crawl of this start URL">Removed</th>
            </tr>
          </thead>
          <tbody>
            {crawls.data.map((crawl) => (
              <tr key={crawl.id} data-crawl-status={crawl.status}>
                <td>
                  {crawl.startUrl}
                  <div className="muted small">
                    {crawl.mode === "sitemap" ? "sitemap" : `depth ${crawl.maxDepth}`} · max {crawl.maxPages} pages · {formatDateTime(crawl.createdAt)}
                  </div>
                </td>
                <td>
                  <span className={`badge ${crawl.status}`}>{crawl.status}</span>
                  {isActive(crawl.status) && <CancelCrawlButton knowledgeBaseId={knowledgeBaseId} crawlId={crawl.id} />}
                  {crawl.error && <div className="error small">{crawl.error}</div>}
                  {crawl.failures.length > 0 && (
                    <details className="small">
                      <summary>{crawl.failures.length} page failures</summary>
                      <ul>
                        {crawl.failures.map((failure) => (
                          <li key={failure.url}>
                            {failure.url}: {failure.reason}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td>{crawl.pagesDiscovered}</td>
                <td>{crawl.pagesIngested}</td>
                <td>{crawl.pagesUnchanged}</td>
                <td>{crawl.pagesSkipped}</td>
                <td>{crawl.pagesFailed}</td>
                <td>{crawl.pagesRemoved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Stops a queued or running crawl; the worker stops before its next page and the crawl ends `cancelled`. */
function CancelCrawlButton({ knowledgeBaseId, crawlId }: { knowledgeBaseId: string; crawlId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.knowledge.crawls.cancel.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.crawls.list.queryKey({ knowledgeBaseId }) }),
    }),
  );
  return (
    <div>
      <button type="button" className="secondary small" disabled={cancel.isPending} onClick={() => cancel.mutate({ crawlId })}>
        Cancel
      </button>
      {cancel.error && <p className="error small">{errorMessage(cancel.error)}</p>}
    </div>
  );
}
