"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { FaqAddForm } from "./faq-add-form";
import { FaqCsvImport } from "./faq-csv-import";
import { FaqItem } from "./faq-item";

const POLL_MS = 1_500;

/** Questions and answers of one knowledge base: each is its own small document, answered word for word. */
export function FaqEditor({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const faqs = useQuery({
    ...trpc.knowledge.faqs.list.queryOptions({ knowledgeBaseId, limit: 200 }),
    refetchInterval: (query) =>
      query.state.data?.data.some((faq) => faq.status === "queued" || faq.status === "processing") ? POLL_MS : false,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.knowledge.faqs.list.queryKey({ knowledgeBaseId, limit: 200 }) }),
      queryClient.invalidateQueries({ queryKey: trpc.knowledge.documents.list.queryKey({ knowledgeBaseId }) }),
    ]);

  return (
    <section className="card" data-testid="faq-editor">
      <h2>FAQ</h2>
      <div className="grid-2">
        <FaqAddForm knowledgeBaseId={knowledgeBaseId} onAdded={refresh} />
        <FaqCsvImport knowledgeBaseId={knowledgeBaseId} onImported={refresh} />
      </div>
      {!faqs.data ? (
        <QueryState error={faqs.error} />
      ) : faqs.data.data.length === 0 ? (
        <p className="muted">No questions yet.</p>
      ) : (
        <ul className="plain-list" data-testid="faqs">
          {faqs.data.data.map((faq) => (
            <FaqItem key={faq.id} faq={faq} onChanged={refresh} />
          ))}
        </ul>
      )}
      {faqs.data?.nextCursor && <p className="muted small">Showing the first 200 questions.</p>}
    </section>
  );
}
