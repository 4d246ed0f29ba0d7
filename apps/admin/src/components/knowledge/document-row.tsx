"use client";

import { ProgressBar } from "@/components/progress-bar";
import { formatSize } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc";
import type { ReactNode } from "react";

export type DocumentItem = RouterOutputs["knowledge"]["documents"]["list"][number];

export const isBusy = (status: string) => status === "queued" || status === "processing";

export function DocumentRow({
  document,
  onDelete,
  retryButton,
}: {
  document: DocumentItem;
  onDelete: () => void;
  retryButton?: ReactNode;
}) {
  const { stage, progress, attempts, tags, warnings } = document;
  const busy = isBusy(document.status);
  return (
    <tr data-document-status={document.status} data-document-id={document.id} data-attempts={attempts} data-updated-at={document.updatedAt}>
      <td>
        {document.title}
        <div className="muted small">
          {document.sourceKind}
          {document.sourceUri && ` · ${document.sourceUri}`}
        </div>
        {warnings.length > 0 && <div className="warn small">{warnings.join("; ")}</div>}
        {tags.length > 0 && (
          <div className="row small">
            {tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </div>
        )}
      </td>
      <td style={{ minWidth: 180 }}>
        <span className={`badge ${document.status}`}>{document.status}</span>
        {busy && (
          <div className="small muted" data-testid="document-progress">
            {stage ?? "waiting"} · {progress}%
            <ProgressBar value={progress} label={`Ingestion of ${document.title}`} />
          </div>
        )}
        {document.status === "failed" && (
          <>
            {document.error && <div className="error small">{document.error}</div>}
            {attempts > 0 && <div className="muted small">{attempts === 1 ? "1 attempt" : `${attempts} attempts`}</div>}
            {retryButton}
          </>
        )}
      </td>
      <td className="small">{formatSize(document.sizeBytes)}</td>
      <td>{document.chunkCount}</td>
      <td>{document.tokenCount.toLocaleString()}</td>
      <td>
        <button type="button" className="link small" onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}
