import { detectDocumentType, documentMimeTypes, ExtractionError } from "@frontdesk/rag";
import { AppError } from "../errors";

/**
 * The mime type ingestion will read the file as (magic bytes, then declared type, then extension). Files it
 * cannot read are refused up front rather than queued to fail later.
 */
export function detectMimeType(input: { bytes: Uint8Array; fileName: string; mimeType?: string }): string {
  try {
    return documentMimeTypes[detectDocumentType(input)];
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    const code = error.code === "unsupported_type" ? "unsupported_media_type" : "validation_failed";
    throw new AppError(code, `${input.fileName}: ${error.message}`, { fields: [{ field: "file", message: error.message }] });
  }
}
