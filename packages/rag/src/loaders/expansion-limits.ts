import { ExtractionError } from "./extraction-error";

/** Default cap on what a compressed input (DOCX parts, a gzipped sitemap) may expand to: 100 MB. */
export const DEFAULT_MAX_EXPANDED_BYTES = 100 * 1024 * 1024;

export interface ExpansionLimits {
  /** Most bytes a compressed input may expand to before it is refused as too large. */
  maxExpandedBytes?: number;
}

export const formatMegabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export function expandsTooMuch(what: string, maxBytes: number, options: { cause?: unknown } = {}): ExtractionError {
  return new ExtractionError("too_large", `${what} expands to more than ${formatMegabytes(maxBytes)}`, options);
}
