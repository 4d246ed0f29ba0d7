import type { AppDeps } from "../context";

/** What the ingestion stages need; the worker builds it once per process. */
export type IngestionDeps = Pick<AppDeps, "config" | "prisma" | "rag" | "logger">;

/** Identifies a document the way the `knowledge/document.added` event does. */
export interface DocumentRef {
  organizationId: string;
  knowledgeBaseId: string;
  documentId: string;
}

/** What a finished ingestion was computed from; stored on Document.metadata.ingestion to make reruns no-ops. */
export interface IngestionFingerprint {
  contentHash: string;
  embeddingModel: string;
  chunkSize: number;
  chunkOverlap: number;
}

export interface ExtractedSection {
  /** 1-based page for paged formats (PDF). */
  page?: number;
  text: string;
  /** A self-contained unit (CSV row, JSON Lines record, FAQ pair) that becomes exactly one chunk, never split. */
  atomic?: boolean;
}

export type ExtractOutcome =
  | { outcome: "missing" }
  | { outcome: "unchanged"; chunkCount: number }
  | {
      outcome: "extracted";
      fingerprint: IngestionFingerprint;
      title: string | null;
      mimeType: string;
      /** Bytes read (for URLs, what was downloaded). */
      sizeBytes: number;
      pageCount: number | null;
      /** Markdown-like text (Markdown, HTML, DOCX) is split at headings first. */
      format: "markdown" | "text";
      sections: ExtractedSection[];
      /** Problems that did not stop extraction (e.g. skipped JSON lines), stored on Document.metadata.warnings. */
      warnings: string[];
    };

export interface PreparedChunk {
  content: string;
  tokenCount: number;
  position: number;
  metadata: { page?: number };
}
