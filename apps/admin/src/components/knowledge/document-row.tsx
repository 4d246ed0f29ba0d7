"use client";

import { ProgressBar } from "@/components/progress-bar";
import { formatSize } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc";
import type { ReactNode } from "react";

export type DocumentItem = RouterOutputs["knowledge"]["documents"]["list"][number];

/** Being ingested: a new document, or a new version of a ready one (its previous version answers meanwhile). */
export const isBusy = (document: Pick<DocumentItem, "status" | "stage">) =>
  document.status === "queued" || document.status === "processing" || document.stage !== null;

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
  const busy = isBusy(document);
  // A ready document whose new version failed: it still answers from the previous one.
  const newVersionFailed = document.status === "ready" && document.error !== null && !busy;
  return (
    <tr
      data-document-status={document.status}
      data-document-id={document.id}
      data-attempts={attempts}
      data-updated-at={document.updatedAt}
      data-serving-previous={document.servingPreviousVersion ? "true" : undefined}
    >
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
            {document.status === "ready" && "new version: "}
            {stage ?? "waiting"} · {progress}%
            <ProgressBar value={progress} label={`Ingestion of ${document.title}`} />
          </div>
        )}
        {newVersionFailed && (
          <div data-testid="new-version-failed">
            <div className="error small">New version failed: {document.error}</div>
            <div className="muted small">Still answering from the previous version.</div>
            {retryButton}
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
