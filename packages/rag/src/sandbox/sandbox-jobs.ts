import { ExtractionError } from "../loaders/extraction-error";
import type { ExpansionLimits } from "../loaders/expansion-limits";
import { extractText, type ExtractedText, type ExtractTextInput } from "../loaders/extract-text";
import { readWebPage, type WebPage } from "../web/read-web-page";
import { parseSitemap, type ParsedSitemap } from "../web/sitemap";

/** The parsing work that runs inside the extraction worker thread: everything that reads untrusted bytes. */
export type SandboxJob =
  | { kind: "extractText"; input: ExtractTextInput; limits: ExpansionLimits }
  | { kind: "readWebPage"; source: Uint8Array; pageUrl: string }
  | { kind: "parseSitemap"; bytes: Uint8Array; limits: ExpansionLimits };

export interface SandboxResults {
  extractText: ExtractedText;
  readWebPage: WebPage;
  parseSitemap: ParsedSitemap | null;
}

export type SandboxResult = SandboxResults[SandboxJob["kind"]];

/** What crosses back to the main thread when a job fails: always a reason fit for the bot owner. */
export interface SandboxFailure {
  code: ExtractionError["code"];
  message: string;
}

export async function runSandboxJob(job: SandboxJob): Promise<SandboxResult> {
  switch (job.kind) {
    case "extractText":
      return extractText(job.input, job.limits);
    case "readWebPage":
      return readWebPage(job.source, job.pageUrl);
    case "parseSitemap":
      return parseSitemap(job.bytes, job.limits);
  }
}

/**
 * The worker only parses the bytes it is given (no network, no database), so whatever it throws is about the
 * input: a parser's own RangeError (deep nesting overflowing the stack) becomes a readable "could not be read".
 */
export function toSandboxFailure(error: unknown): SandboxFailure {
  if (error instanceof ExtractionError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: "corrupt", message: `The file could not be read: ${detail}` };
}
