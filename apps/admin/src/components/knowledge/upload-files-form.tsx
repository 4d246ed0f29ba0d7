"use client";

import { AddUrlForm } from "./add-url-form";
import { FileDropZone } from "./file-drop-zone";
import { UploadProgressList } from "./upload-progress-list";
import { useFileUploads } from "./use-file-uploads";

export function UploadFilesForm({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const { uploads, start } = useFileUploads(knowledgeBaseId);
  return (
    <section className="card">
      <h2>Upload files</h2>
      <p className="muted small">PDF, Word, HTML, Markdown or plain text. Several at once is fine.</p>
      <FileDropZone onFiles={(files) => void start(files)} />
      <UploadProgressList uploads={uploads} />
      <AddUrlForm knowledgeBaseId={knowledgeBaseId} />
    </section>
  );
}
