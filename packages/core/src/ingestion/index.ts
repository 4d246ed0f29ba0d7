export { extractDocument } from "./extract-document";
export { splitDocument } from "./split-document";
export { embedChunks, unpackEmbeddingBatches, unpackEmbeddings } from "./embed-chunks";
export { storeDocumentChunks } from "./store-document-chunks";
export { finishIngestion, type FinishInput } from "./finish-ingestion";
export { markIngestionFailed } from "./mark-ingestion-failed";
export { failStuckDocumentsOutOfAttempts, findStuckDocuments } from "./find-stuck-documents";
export { fetchUrlSource } from "./fetch-url-source";
export { IngestionFailure } from "./ingestion-failure";
export { reportIngestionProgress, embedProgress, STAGE_PROGRESS, type IngestionStage } from "./report-progress";
export { retryAfterMs } from "./retry-after";
export { loadFaqBatch, storeFaqBatch, failFaqBatch, type FaqBatchRef, type LoadedFaq, type LoadedFaqBatch } from "./ingest-faq-batch";
export type {
  DocumentRef,
  ExtractOutcome,
  ExtractedSection,
  IngestionDeps,
  IngestionFingerprint,
  PreparedChunk,
} from "./types";
