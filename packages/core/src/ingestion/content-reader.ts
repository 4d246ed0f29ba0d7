import type { AppConfig } from "@frontdesk/config";
import { extractionSandbox, type ContentReader } from "@frontdesk/rag";

export type ExtractionConfig = Pick<
  AppConfig,
  "EXTRACTION_MAX_HEAP_MB" | "EXTRACTION_TIMEOUT_SECONDS" | "EXTRACTION_MAX_EXPANDED_MB" | "EXTRACTION_WORKERS"
>;

/**
 * How the server reads untrusted bytes (uploads, URL documents, crawled pages, sitemaps): in the process-wide
 * extraction sandbox for these limits (worker threads with a heap cap and a timeout), never in this thread.
 */
export function contentReader(config: ExtractionConfig): ContentReader {
  return extractionSandbox({
    maxHeapMb: config.EXTRACTION_MAX_HEAP_MB,
    timeoutMs: Math.round(config.EXTRACTION_TIMEOUT_SECONDS * 1000),
    maxExpandedBytes: Math.round(config.EXTRACTION_MAX_EXPANDED_MB * 1024 * 1024),
    workers: config.EXTRACTION_WORKERS,
  });
}
