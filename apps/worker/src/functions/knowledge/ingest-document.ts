import {
  documentAddedData,
  embedChunks,
  embedProgress,
  emitDocumentOutcome,
  extractDocument,
  finishIngestion,
  markIngestionFailed,
  reportIngestionProgress,
  requestVapiFileSync,
  splitDocument,
  storeDocumentChunks,
  type DocumentRef,
  type EventBus,
  type IngestionDeps,
} from "@frontdesk/core";
import { inngest } from "../../client";
import { documentAdded } from "../../events";
import { classifyIngestionError } from "./ingestion-errors";

/** Chunks per `embed-N` step: a retry re-embeds one batch, not the document. */
export const EMBED_BATCH_SIZE = 64;
export const INGEST_RETRIES = 3;

/**
 * knowledge/document.added → extract → split → embed (per batch) → store → finish. The stages live in
 * @frontdesk/core; this function only orders them into durable steps and reports Document.stage/progress
 * as it goes. Permanent problems (bad file, limits) mark the document failed at once; a provider's 429 with
 * Retry-After waits as asked; anything else is retried and, when retries run out, onFailure marks it.
 */
export function createIngestDocument(deps: IngestionDeps & { events?: EventBus }) {
  const guarded = async <T>(ref: DocumentRef, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      return classifyIngestionError(deps, [ref], error);
    }
  };
  const progress = (ref: DocumentRef, ...args: [Parameters<typeof reportIngestionProgress>[2], number?]) =>
    reportIngestionProgress(deps, { organizationId: ref.organizationId, documentIds: [ref.documentId] }, ...args);

  return inngest.createFunction(
    {
      id: "ingest-document",
      name: "Ingest document",
      triggers: [documentAdded],
      retries: INGEST_RETRIES,
      concurrency: [
        // Two runs for one document would race to replace its chunks.
        { key: "event.data.documentId", limit: 1 },
        // Bulk uploads queue up instead of hammering the embedding provider (INGEST_CONCURRENCY).
        { limit: deps.config.INGEST_CONCURRENCY },
      ],
      onFailure: async ({ event, error }) => {
        const ref = documentAddedData.parse(event.data.event.data);
        const reason = error.name === "NonRetriableError" ? error.message : `ingestion failed: ${error.message}`;
        await markIngestionFailed(deps, ref, reason, { onlyIfPending: true });
        await emitDocumentOutcome(deps, ref); // document.failed webhooks
      },
    },
    async ({ event, step }) => {
      const ref: DocumentRef = event.data;
      const extracted = await step.run("extract", () => guarded(ref, () => extractDocument(deps, ref)));
      if (extracted.outcome !== "extracted") return extracted;

      const chunks = await step.run("split", () =>
        guarded(ref, async () => {
          await progress(ref, "split");
          return splitDocument(extracted);
        }),
      );

      const embeddingBatches: string[] = [];
      const batchCount = Math.ceil(chunks.length / EMBED_BATCH_SIZE);
      for (let start = 0; start < chunks.length; start += EMBED_BATCH_SIZE) {
        const contents = chunks.slice(start, start + EMBED_BATCH_SIZE).map((chunk) => chunk.content);
        const batch = start / EMBED_BATCH_SIZE;
        embeddingBatches.push(
          await step.run(`embed-${batch}`, () =>
            guarded(ref, async () => {
              if (batch === 0) await progress(ref, "embed");
              const packed = await embedChunks(deps, contents, extracted.fingerprint.embeddingModel);
              await progress(ref, "embed", embedProgress(batch + 1, batchCount));
              return packed;
            }),
          ),
        );
      }

      const { fingerprint } = extracted;
      const stored = await step.run("store", async () => {
        await progress(ref, "store");
        return storeDocumentChunks(deps, ref, { fingerprint, chunks, embeddingBatches });
      });
      if (!stored) return { outcome: "missing" as const };

      const chunkCount = chunks.length;
      const tokenCount = chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0);
      const finished = await step.run("finish", () =>
        finishIngestion(deps, ref, {
          fingerprint,
          chunkCount,
          tokenCount,
          pageCount: extracted.pageCount,
          mimeType: extracted.mimeType,
          sizeBytes: extracted.sizeBytes,
          title: extracted.title,
          warnings: extracted.warnings,
        }),
      );
      if (finished) {
        await step.run("emit-document-ready", () => emitDocumentOutcome(deps, ref));
        // Bots keeping their files in Vapi's file store upload the new or changed document.
        await step.run("request-vapi-file-sync", () => requestVapiFileSync(deps, ref.organizationId));
      }
      return finished ? { outcome: "ready" as const, chunkCount, tokenCount } : { outcome: "missing" as const };
    },
  );
}
