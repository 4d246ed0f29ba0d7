import { gunzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";

export type ParsedSitemap = { kind: "urlset"; urls: string[] } | { kind: "index"; sitemaps: string[] };

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // One <url> or <sitemap> must still come back as a list.
  isArray: (name) => name === "url" || name === "sitemap",
  processEntities: true,
});

/** Reads a sitemap (`<urlset>`) or sitemap index (`<sitemapindex>`), gzipped or not; null when it is neither. */
export function parseSitemap(bytes: Uint8Array): ParsedSitemap | null {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes);
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
