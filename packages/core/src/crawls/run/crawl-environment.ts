import type { AppConfig } from "@frontdesk/config";
import type { CrawlEnvironment } from "@frontdesk/rag";
import { contentReader, type ExtractionConfig } from "../../ingestion/content-reader";
import { webFetchGuard } from "../../web";

/** Per-request limits: a page may be as large as an upload, and gets 20 s to arrive. */
export const PAGE_TIMEOUT_MS = 20_000;

export function crawlEnvironment(config: Pick<AppConfig, "UPLOAD_MAX_BYTES" | "ALLOW_PRIVATE_NETWORK_FETCH"> & ExtractionConfig): CrawlEnvironment {
  return {
    // Pages and sitemaps are parsed in the extraction sandbox (heap cap, timeout, decompression cap).
    reader: contentReader(config),
    fetch: { maxBytes: config.UPLOAD_MAX_BYTES, timeoutMs: PAGE_TIMEOUT_MS, ...webFetchGuard(config) },
    concurrency: 2,
  };
}
