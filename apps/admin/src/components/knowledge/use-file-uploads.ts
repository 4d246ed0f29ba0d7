"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { uploadDocument } from "@/lib/upload-with-progress";

export interface FileUpload {
  key: string;
  fileName: string;
  sizeBytes: number;
  /** 0..1 of the bytes sent. */
  sent: number;
  state: "waiting" | "uploading" | "done" | "duplicate" | "failed";
  problem?: string;
}

/** Files upload two at a time: parallel enough to be quick, few enough that each bar moves visibly. */
const PARALLEL_UPLOADS = 2;

/**
 * Uploads dropped or chosen files, one multipart call per file so one bad file does not sink the others, and
 * tracks each file's bytes sent and outcome. The document list refreshes as each file lands.
 */
export function useFileUploads(knowledgeBaseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<FileUpload[]>([]);

  const patch = useCallback(
    (key: string, change: Partial<FileUpload>) =>
      setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload))),
    [],
  );

  const uploadOne = useCallback(
    async (key: string, file: File) => {
      patch(key, { state: "uploading" });
      const body = new FormData();
      body.set("file", file);
      try {
        const document = await uploadDocument(knowledgeBaseId, body, (sent) => patch(key, { sent }));
        patch(key, { state: document.duplicate ? "duplicate" : "done", sent: 1 });
      } catch (error) {
        patch(key, { state: "failed", problem: errorMessage(error) });
      }
      await queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) });
    },
    [knowledgeBaseId, patch, queryClient, trpc],
  );

  const start = useCallback(
    async (files: File[]) => {
      const stamp = Date.now();
      const batch = files.map((file, index) => ({ file, key: `${stamp}-${index}-${file.name}` }));
      setUploads((current) => [
        ...current.filter((upload) => upload.state === "uploading" || upload.state === "waiting"),
        ...batch.map(({ file, key }) => ({ key, fileName: file.name, sizeBytes: file.size, sent: 0, state: "waiting" as const })),
      ]);
      const queue = [...batch];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await uploadOne(next.key, next.file);
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, batch.length) }, worker));
    },
    [uploadOne],
  );

  const busy = uploads.some((upload) => upload.state === "uploading" || upload.state === "waiting");
  return { uploads, start, busy };
}
