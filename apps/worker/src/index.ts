export { inngest, useInngestLogger } from "./client";
export { documentAdded } from "./events";
export { createFunctions, createIngestDocument, EMBED_BATCH_SIZE, INGEST_RETRIES } from "./functions";
export { createEventBus, type EventBusOptions, type WorkerEventBus } from "./event-bus";
export { recoverStuckDocuments } from "./recover-stuck-documents";
export { recoverStuckCrawls } from "./recover-stuck-crawls";
export { recoverPendingWebhookDeliveries } from "./recover-pending-webhooks";
export { createLocalExecutor, runFunction, type LocalExecutor, type RunResult } from "./local-executor";
