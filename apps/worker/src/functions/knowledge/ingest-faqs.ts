import {
  embedChunks,
  embedProgress,
  failFaqBatch,
  faqsAddedData,
  loadFaqBatch,
  reportIngestionProgress,
  requestVapiFileSync,
  storeFaqBatch,
  type EventBus,
  type FaqBatchRef,
  type IngestionDeps,
} from "@frontdesk/core";
import { inngest } from "../../client";
import { faqsAdded } from "../../events";
import { EMBED_BATCH_SIZE, INGEST_RETRIES } from "./ingest-document";
import { classifyIngestionError } from "./ingestion-errors";

/**
 * knowledge/faqs.added → load → embed (per batch of EMBED_BATCH_SIZE pairs) → store. A bulk import of 10,000
 * FAQs is 100 of these runs rather than 10,000 single-document runs; every pair still gets exactly one chunk,
 * and the store step swaps all of a run's chunks and marks its documents ready in one transaction.
 */
export function createIngestFaqs(deps: IngestionDeps & { events?: EventBus }) {
  return inngest.createFunction(
    {
      id: "ingest-faqs",
      name: "Ingest FAQ pairs",
      triggers: [faqsAdded],
      retries: INGEST_RETRIES,
      concurrency: [
        // FAQ batches of one knowledge base one at a time, so an edit's batch never races an import's.
        { key: "event.data.knowledgeBaseId", limit: 1 },
        { limit: deps.config.INGEST_CONCURRENCY },
      ],
      onFailure: async ({ event, error }) => {
        const ref = faqsAddedData.parse(event.data.event.data);
        const reason = error.name === "NonRetriableError" ? error.message : `ingestion failed: ${error.message}`;
        await failFaqBatch(deps, ref, reason);
      },
    },
    async ({ event, step }) => {
      const ref: FaqBatchRef = event.data;
      const refs = ref.documentIds.map((documentId) => ({ ...ref, documentId }));
      const batch = await step.run("load", () => loadFaqBatch(deps, ref));
      if (batch.faqs.length === 0) return { stored: 0 };

      const ids = batch.faqs.map((faq) => faq.documentId);
      const embeddingBatches: string[] = [];
      const batchCount = Math.ceil(batch.faqs.length / EMBED_BATCH_SIZE);
      for (let start = 0; start < batch.faqs.length; start += EMBED_BATCH_SIZE) {
        const contents = batch.faqs.slice(start, start + EMBED_BATCH_SIZE).map((faq) => faq.content);
        const index = start / EMBED_BATCH_SIZE;
        embeddingBatches.push(
          await step.run(`embed-${index}`, async () => {
            try {
              const packed = await embedChunks(deps, contents, batch.settings.embeddingModel);
              await reportIngestionProgress(
                deps,
                { organizationId: ref.organizationId, documentIds: ids },
                "embed",
                embedProgress(index + 1, batchCount),
              );
              return packed;
            } catch (error) {
              return classifyIngestionError(deps, refs, error);
            }
          }),
        );
      }

      const stored = await step.run("store", async () => {
        await reportIngestionProgress(deps, { organizationId: ref.organizationId, documentIds: ids }, "store");
        return storeFaqBatch(deps, ref, { batch, embeddingBatches });
      });
      if (stored > 0) await step.run("request-vapi-file-sync", () => requestVapiFileSync(deps, ref.organizationId));
      return { stored };
    },
  );
}
