import type { IngestionDeps } from "@frontdesk/core";
import { createIngestDocument } from "./knowledge/ingest-document";

/** Every Inngest function of the app, bound to the process's dependencies (for serve() and the local executor). */
export function createFunctions(deps: IngestionDeps) {
  return [createIngestDocument(deps)];
}

export { createIngestDocument, EMBED_BATCH_SIZE, INGEST_RETRIES } from "./knowledge/ingest-document";
