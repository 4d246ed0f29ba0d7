import {
  documentAddedData,
  embedChunks,
  emitDocumentOutcome,
  extractDocument,
  finishIngestion,
  IngestionFailure,
  markIngestionFailed,
  splitDocument,
  storeDocumentChunks,
  type DocumentRef,
  type IngestionDeps,
} from "@frontdesk/core";
import { NonRetriableError } from "inngest";
import { inngest } from "../../client";
import { documentAdded } from "../../events";

/** Chunks per `embed-N` step: a retry re-embeds one batch, not the document. */
export const EMBED_BATCH_SIZE = 64;
export const INGEST_RETRIES = 3;

/**
 * knowledge/document.added → extract → split → embed (per batch) → store → finish. The stages live in
 * @frontdesk/core; this function only orders them into durable steps. Permanent problems (bad file, limits)
 * mark the document failed at once; anything else is retried and, when retries run out, onFailure marks it.
 */
export function createIngestDocument(deps: IngestionDeps) {
  const permanent = async <T>(ref: DocumentRef, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof IngestionFailure)) throw error;
      await markIngestionFailed(deps, ref, error.message);
      throw new NonRetriableError(error.message, { cause: error });
    }
  };

  return inngest.createFunction(
    {
      id: "ingest-document",
      name: "Ingest document",
      triggers: [documentAdded],
      retries: INGEST_RETRIES,
      // Two runs for one document would race to replace its chunks.
      concurrency: [{ key: "event.data.documentId", limit: 1 }],
      onFailure: async ({ event, error }) => {
        const ref = documentAddedData.parse(event.data.event.data);
        const reason = error.name === "NonRetriableError" ? error.message : `ingestion failed: ${error.message}`;
        await markIngestionFailed(deps, ref, reason, { onlyIfPending: true });
        await emitDocumentOutcome(deps, ref); // document.failed webhooks
      },
    },
    async ({ event, step }) => {
      const ref: DocumentRef = event.data;
      const extracted = await step.run("extract", () => permanent(ref, () => extractDocument(deps, ref)));
      if (extracted.outcome !== "extracted") return extracted;

      const chunks = await step.run("split", () => permanent(ref, () => splitDocument(extracted)));

      const embeddingBatches: string[] = [];
      for (let start = 0; start < chunks.length; start += EMBED_BATCH_SIZE) {
        const contents = chunks.slice(start, start + EMBED_BATCH_SIZE).map((chunk) => chunk.content);
        const batch = start / EMBED_BATCH_SIZE;
        embeddingBatches.push(await step.run(`embed-${batch}`, () => embedChunks(deps, contents)));
      }

      const { fingerprint } = extracted;
      const stored = await step.run("store", () => storeDocumentChunks(deps, ref, { fingerprint, chunks, embeddingBatches }));
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
        }),
      );
      if (finished) await step.run("emit-document-ready", () => emitDocumentOutcome(deps, ref));
      return finished ? { outcome: "ready" as const, chunkCount, tokenCount } : { outcome: "missing" as const };
    },
  );
}
