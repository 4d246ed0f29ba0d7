"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/lib/trpc";

interface UploadOutcome {
  fileName: string;
  problem?: string;
  duplicate?: boolean;
}

/** One multipart tRPC call per file, so one bad file does not sink the others and each gets its own message. */
export function UploadFilesForm({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [outcomes, setOutcomes] = useState<UploadOutcome[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = new FormData(event.currentTarget)
      .getAll("files")
      .filter((file): file is File => file instanceof File && file.name !== "");
    if (files.length === 0) return;
    setPending(true);
    setOutcomes([]);
    const results: UploadOutcome[] = [];
    for (const file of files) {
      const body = new FormData();
      body.set("knowledgeBaseId", knowledgeBaseId);
      body.set("file", file);
      try {
        const document = await trpcClient.knowledge.documents.upload.mutate(body);
        results.push({ fileName: file.name, duplicate: document.duplicate });
      } catch (error) {
        results.push({ fileName: file.name, problem: errorMessage(error) });
      }
      await queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) });
    }
    setOutcomes(results);
    setPending(false);
    if (results.every((result) => !result.problem)) formRef.current?.reset();
  }

  return (
    <form className="card" onSubmit={onSubmit} ref={formRef}>
      <h2>Upload files</h2>
      <p className="muted small">PDF, Word, HTML, Markdown or plain text. Several at once is fine.</p>
      <label>
        Files
        <input name="files" type="file" multiple required />
      </label>
      {outcomes.map((outcome) =>
        outcome.problem ? (
          <p key={outcome.fileName} className="error" role="alert">
            {outcome.fileName}: {outcome.problem}
          </p>
        ) : outcome.duplicate ? (
          <p key={outcome.fileName} className="muted small">
            {outcome.fileName}: already in this knowledge base
          </p>
        ) : null,
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Uploading…" : "Upload"}
      </button>
    </form>
  );
}
