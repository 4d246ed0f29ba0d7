import type { IngestionFingerprint } from "./types";

/** Reads Document.metadata.ingestion, written when a document becomes ready. */
export function readFingerprint(metadata: unknown): IngestionFingerprint | undefined {
  if (!metadata || typeof metadata !== "object") return undefined;
  const value = (metadata as { ingestion?: unknown }).ingestion;
  if (!value || typeof value !== "object") return undefined;
  const { contentHash, embeddingModel, chunkSize, chunkOverlap } = value as Record<string, unknown>;
  if (typeof contentHash !== "string" || typeof embeddingModel !== "string") return undefined;
  if (typeof chunkSize !== "number" || typeof chunkOverlap !== "number") return undefined;
  return { contentHash, embeddingModel, chunkSize, chunkOverlap };
}
