import { formatSize } from "@/lib/format";
import { ProgressBar } from "@/components/progress-bar";
import type { FileUpload } from "./use-file-uploads";

const stateLabel: Record<FileUpload["state"], string> = {
  waiting: "waiting",
  uploading: "uploading",
  done: "uploaded",
  duplicate: "already in this knowledge base",
  failed: "failed",
};

/** One row per file: name, size, bytes-sent bar and outcome. */
export function UploadProgressList({ uploads }: { uploads: FileUpload[] }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-list" data-testid="upload-list">
      {uploads.map((upload) => (
        <li key={upload.key} data-upload-state={upload.state}>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <span>{upload.fileName}</span>
            <span className="muted small">
              {formatSize(upload.sizeBytes)} · {stateLabel[upload.state]}
            </span>
          </div>
          <ProgressBar value={upload.sent * 100} label={`Upload of ${upload.fileName}`} />
          {upload.problem && (
            <p className="error" role="alert">
              {upload.fileName}: {upload.problem}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
