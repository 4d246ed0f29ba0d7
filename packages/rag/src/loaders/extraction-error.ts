export type ExtractionErrorCode =
  | "unsupported_type"
  | "no_text_layer"
  | "encrypted"
  | "corrupt"
  | "empty"
  /** Expands past the decompression cap (zip entries, gzip), or needs more memory than the extractor may use. */
  | "too_large"
  /** The extractor ran past its wall-clock limit. */
  | "timeout";

/** A file we cannot turn into text; `message` is shown to the bot owner as the document's failure reason. */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;

  constructor(code: ExtractionErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ExtractionError";
    this.code = code;
  }
}
