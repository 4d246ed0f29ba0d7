"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { formatBytes } from "@/lib/format-bytes";
import { useTRPC } from "@/lib/trpc";

const LIST_POLL_MS = 5_000;

export function KnowledgeBaseList() {
  const trpc = useTRPC();
  // Documents and chunks counted here change while ingestion runs elsewhere: re-read while the page is visible.
  const bases = useQuery({ ...trpc.knowledge.bases.list.queryOptions(), refetchInterval: LIST_POLL_MS });
  if (!bases.data) return <QueryState error={bases.error} />;

  return (
    <div className="card">
      {bases.data.length === 0 ? (
        <p className="muted">No knowledge bases yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Documents</th>
              <th>Chunks</th>
              <th>Size</th>
              <th>Embedding model</th>
            </tr>
          </thead>
          <tbody>
            {bases.data.map((base) => (
              <tr key={base.id}>
                <td>
                  <Link href={`/knowledge/${base.id}`}>{base.name}</Link>
                  {base.description && <div className="muted small">{base.description}</div>}
                </td>
                <td>{base.documentCount}</td>
                <td>{base.chunkCount}</td>
                <td data-testid="knowledge-base-size">{formatBytes(base.totalBytes)}</td>
                <td className="small">
                  {base.embeddingModel} ({base.embeddingDimensions})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
