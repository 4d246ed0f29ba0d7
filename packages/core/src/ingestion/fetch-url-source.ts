import type { AppConfig } from "@frontdesk/config";
import { ExtractionError, fetchWebResource, WebFetchError } from "@frontdesk/rag";
import { webFetchGuard } from "../web";
import { contentReader, type ExtractionConfig } from "./content-reader";
import { IngestionFailure } from "./ingestion-failure";

export interface FetchedSource {
  bytes: Uint8Array;
  mimeType?: string;
  fileName?: string;
}

const FETCH_TIMEOUT_MS = 30_000;

/**
 * Downloads a URL document through the same path as the crawler: SSRF guard on every hop and at connect time (unless
 * ALLOW_PRIVATE_NETWORK_FETCH), timeout, size cap. HTML pages come back as their Readability text (Markdown
 * headings, lists, table rows) so a single URL and a crawled page of the same site read the same. Permanent
 * problems (4xx, blocked address, too large) are IngestionFailures; network errors and 5xx are plain errors so
 * the step is retried.
 */
export async function fetchUrlSource(
  url: string,
  config: Pick<AppConfig, "UPLOAD_MAX_BYTES" | "ALLOW_PRIVATE_NETWORK_FETCH"> & ExtractionConfig,
): Promise<FetchedSource> {
  let response;
  try {
    response = await fetchWebResource(url, {
      maxBytes: config.UPLOAD_MAX_BYTES,
      timeoutMs: FETCH_TIMEOUT_MS,
      ...webFetchGuard(config),
    });
  } catch (error) {
    if (error instanceof WebFetchError) {
      const reason = `could not fetch ${url}: ${error.code === "http" ? `HTTP ${error.status}` : error.message}`;
      throw error.permanent ? new IngestionFailure(reason, { cause: error }) : new Error(reason, { cause: error });
    }
    throw error;
  }
  if (response.status !== "ok") throw new Error(`could not fetch ${url}: unexpected 304`);
  const mimeType = response.contentType ?? undefined;
  const fileName = decodeURIComponent(new URL(response.url).pathname.split("/").pop() ?? "") || undefined;
  if (/^(text\/html|application\/xhtml\+xml)\b/i.test(mimeType ?? "")) {
    let page;
    try {
      page = await contentReader(config).readWebPage(response.bytes, response.url);
    } catch (error) {
      if (error instanceof ExtractionError) throw new IngestionFailure(`could not read ${url}: ${error.message}`, { cause: error });
      throw error;
    }
    return { bytes: new TextEncoder().encode(page.text), mimeType: "text/markdown", fileName: `${fileName ?? "page"}.md` };
  }
  return { bytes: response.bytes, mimeType, fileName };
}
