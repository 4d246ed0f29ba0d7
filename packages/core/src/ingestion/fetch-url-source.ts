import { formatBytes } from "../knowledge/format-bytes";
import { IngestionFailure } from "./ingestion-failure";

export interface FetchedSource {
  bytes: Uint8Array;
  mimeType?: string;
  fileName?: string;
}

const FETCH_TIMEOUT_MS = 30_000;

/**
 * Downloads a URL document, stopping at `maxBytes`. 4xx answers and bad URLs are permanent failures; network
 * errors and 5xx are thrown as plain errors so the step is retried.
 */
export async function fetchUrlSource(url: string, maxBytes: number): Promise<FetchedSource> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IngestionFailure(`"${url}" is not a valid URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new IngestionFailure(`only http and https URLs can be fetched, not ${parsed.protocol}`);
  }
  const response = await fetch(parsed, {
    redirect: "follow",
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { "user-agent": "FrontdeskBot/0.1 (+knowledge ingestion)", accept: "text/html,application/pdf,text/*;q=0.9,*/*;q=0.5" },
  });
  if (!response.ok) {
    const reason = `could not fetch ${url}: HTTP ${response.status}`;
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw new IngestionFailure(reason);
    }
    throw new Error(reason);
  }
  const bytes = await readLimited(response, maxBytes, url);
  const fileName = decodeURIComponent(new URL(response.url || url).pathname.split("/").pop() ?? "") || undefined;
  return { bytes, mimeType: response.headers.get("content-type") ?? undefined, fileName };
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  const tooLarge = (size: number) =>
    new IngestionFailure(`${url} is ${formatBytes(size)}, limit is ${formatBytes(maxBytes)}`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(declared);
  }
  if (!response.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of response.body) {
    size += part.byteLength;
    if (size > maxBytes) throw new IngestionFailure(`${url} is larger than the limit of ${formatBytes(maxBytes)}`);
    parts.push(part);
  }
  return Buffer.concat(parts);
}
