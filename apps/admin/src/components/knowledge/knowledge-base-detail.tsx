"use client";

import { AddTextForm } from "./add-text-form";
import { DocumentList } from "./document-list";
import { UploadFilesForm } from "./upload-files-form";

export function KnowledgeBaseDetail({ id }: { id: string }) {
  return (
    <>
      <div className="grid-2">
        <UploadFilesForm knowledgeBaseId={id} />
        <AddTextForm knowledgeBaseId={id} />
      </div>
      <DocumentList knowledgeBaseId={id} />
    </>
  );
}
