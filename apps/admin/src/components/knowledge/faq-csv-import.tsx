"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldProblems } from "@/lib/errors";
import { faqRowsFromCsv } from "@/lib/parse-csv";
import { useTRPC } from "@/lib/trpc";

/**
 * Imports a question,answer[,tags] CSV with one `faqs.bulk` call. The API imports all rows or none and names
 * every bad row; rows are shown as spreadsheet line numbers (header = line 1).
 */
export function FaqCsvImport({ knowledgeBaseId, onImported }: { knowledgeBaseId: string; onImported: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [formatError, setFormatError] = useState<string | null>(null);
  const bulk = useMutation(trpc.knowledge.faqs.bulk.mutationOptions({ onSuccess: onImported }));
  const problems = fieldProblems(bulk.error);

  async function onFile(file: File) {
    bulk.reset();
    const { items, error } = faqRowsFromCsv(await file.text());
    setFormatError(error ?? (items.length === 0 ? "The file has no rows under its header." : null));
    if (!error && items.length > 0) bulk.mutate({ knowledgeBaseId, items });
  }

  return (
    <div data-testid="faq-import">
      <label>
        Import CSV <span className="muted small">(columns: question, answer, optional tags)</span>
        <input
          type="file"
          name="faq-csv"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void onFile(file);
          }}
        />
      </label>
      {bulk.isPending && <p className="muted">Importing…</p>}
      {formatError && <p className="error" role="alert">{formatError}</p>}
      {bulk.data && (
        <p className="notice" role="status">
          Imported {bulk.data.total}: {bulk.data.created} new, {bulk.data.updated} updated, {bulk.data.unchanged} unchanged.
        </p>
      )}
      {bulk.error && (
        <div role="alert" data-testid="faq-import-errors">
          <p className="error">{problems.length > 0 ? bulk.error.message : errorMessage(bulk.error)}</p>
          <ul className="error small">
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.row !== undefined && `Line ${problem.row + 2}: `}
                {problem.field}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
