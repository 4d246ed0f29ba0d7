export type ExtractionErrorCode = "unsupported_type" | "no_text_layer" | "encrypted" | "corrupt" | "empty";

/** A file we cannot turn into text; `message` is shown to the bot owner as the document's failure reason. */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;

  constructor(code: ExtractionErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ExtractionError";
    this.code = code;
  }
}
