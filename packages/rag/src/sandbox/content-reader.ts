import type { ExpansionLimits } from "../loaders/expansion-limits";
import { extractText, type ExtractedText, type ExtractTextInput } from "../loaders/extract-text";
import { readWebPage, type WebPage } from "../web/read-web-page";
import { parseSitemap, type ParsedSitemap } from "../web/sitemap";

/**
 * Everything that parses untrusted bytes. The server uses an ExtractionSandbox (worker threads with a heap and
 * time limit); `inThreadReader` runs the same parsers in the calling thread, for tools and tests that trust
 * their input. Failures are ExtractionErrors with a reason fit for the bot owner.
 */
export interface ContentReader {
  extractText(input: ExtractTextInput): Promise<ExtractedText>;
  readWebPage(source: Uint8Array, pageUrl: string): Promise<WebPage>;
  parseSitemap(bytes: Uint8Array): Promise<ParsedSitemap | null>;
}

export function inThreadReader(limits: ExpansionLimits = {}): ContentReader {
  return {
    extractText: (input) => extractText(input, limits),
    readWebPage: async (source, pageUrl) => readWebPage(source, pageUrl),
    parseSitemap: async (bytes) => parseSitemap(bytes, limits),
  };
}
