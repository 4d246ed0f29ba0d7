/**
 * A permanent ingestion failure: retrying cannot help (bad file, unsupported type, size limit, model mismatch).
 * `message` is stored on the document and shown to the bot owner.
 */
export class IngestionFailure extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "IngestionFailure";
  }
}
