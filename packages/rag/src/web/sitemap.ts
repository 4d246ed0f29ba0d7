import { gunzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { DEFAULT_MAX_EXPANDED_BYTES, expandsTooMuch, type ExpansionLimits } from "../loaders/expansion-limits";

export type ParsedSitemap = { kind: "urlset"; urls: string[] } | { kind: "index"; sitemaps: string[] };

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // One <url> or <sitemap> must still come back as a list.
  isArray: (name) => name === "url" || name === "sitemap",
  processEntities: true,
});

/**
 * Reads a sitemap (`<urlset>`) or sitemap index (`<sitemapindex>`), gzipped or not; null when it is neither.
 * A gzipped sitemap that inflates past `limits.maxExpandedBytes` throws an ExtractionError ("too_large"): zlib
 * stops at that many bytes, so a gzip bomb never gets further.
 */
export function parseSitemap(bytes: Uint8Array, limits: ExpansionLimits = {}): ParsedSitemap | null {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipCapped(bytes, limits.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES) : Buffer.from(bytes);
  if (raw === null) return null;
  let doc: { urlset?: { url?: Array<{ loc?: unknown }> }; sitemapindex?: { sitemap?: Array<{ loc?: unknown }> } };
  try {
    doc = parser.parse(raw.toString("utf8"));
  } catch {
    return null;
  }
  const locs = (entries: Array<{ loc?: unknown }> | undefined) =>
    (entries ?? []).map((entry) => (typeof entry.loc === "string" ? entry.loc.trim() : "")).filter((loc) => loc !== "");
  if (doc.sitemapindex) return { kind: "index", sitemaps: locs(doc.sitemapindex.sitemap) };
  if (doc.urlset) return { kind: "urlset", urls: locs(doc.urlset.url) };
  return null;
}

/** Inflates at most maxBytes; null for data that is not valid gzip. */
function gunzipCapped(bytes: Uint8Array, maxBytes: number): Buffer | null {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw expandsTooMuch("the sitemap", maxBytes, { cause: error });
    return null;
  }
}
