import type { AppDeps, IngestionDeps } from "@frontdesk/core";
import { createDeliverWebhook } from "./integrations/deliver-webhook";
import { createCrawlWebsite } from "./knowledge/crawl-website";
import { createIngestDocument } from "./knowledge/ingest-document";
import { createIngestFaqs } from "./knowledge/ingest-faqs";
import { createReembedKnowledgeBase } from "./knowledge/reembed-knowledge-base";

/**
 * What functions run with. `events` lets steps queue follow-up work (domain events → webhook deliveries);
 * `keyring` enables webhook delivery. Both are optional so ingestion-only callers (benches, tests) need neither.
 */
export type WorkerDeps = IngestionDeps & Partial<Pick<AppDeps, "events" | "keyring">>;

/** Every Inngest function of the app, bound to the process's dependencies (for serve() and the local executor). */
export function createFunctions(deps: WorkerDeps) {
  return [createIngestDocument(deps), createIngestFaqs(deps), createReembedKnowledgeBase(deps), ...(deps.events ? [createCrawlWebsite({ ...deps, events: deps.events })] : []), ...(deps.keyring ? [createDeliverWebhook({ ...deps, keyring: deps.keyring })] : [])];
}

export { createCrawlWebsite, CRAWL_RETRIES } from "./knowledge/crawl-website";
export { createIngestDocument, EMBED_BATCH_SIZE, INGEST_RETRIES } from "./knowledge/ingest-document";
export { createIngestFaqs } from "./knowledge/ingest-faqs";
export { createDeliverWebhook, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRIES } from "./integrations/deliver-webhook";
export { createReembedKnowledgeBase, REEMBED_RETRIES } from "./knowledge/reembed-knowledge-base";
