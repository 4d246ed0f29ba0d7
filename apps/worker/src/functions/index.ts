import type { AppDeps, IngestionDeps } from "@frontdesk/core";
import { createHandleInboundMessage } from "./channels/handle-inbound-message";
import { createEmbedMessage } from "./conversations/embed-message";
import { createReembedConversations } from "./conversations/reembed-conversations";
import { createSendChannelReply } from "./channels/send-channel-reply";
import { createDeliverWebhook } from "./integrations/deliver-webhook";
import { createActOnHotLead } from "./leads/act-on-hot-lead";
import { createDailySummary } from "./leads/daily-summary";
import { createFollowUpQuietLead } from "./leads/follow-up-quiet-lead";
import { createRetryPendingLeadActions } from "./leads/retry-pending-lead-actions";
import { createPurgeOldRecords } from "./maintenance/purge-old-records";
import { createRollUpTokenUsage } from "./maintenance/roll-up-token-usage";
import { createQualifyLead } from "./leads/qualify-lead";
import { createSendEscalationEmail } from "./leads/send-escalation-email";
import { createLearnFromTurn } from "./learning/learn-from-turn";
import { createClassifyTurnSentiment } from "./learning/classify-turn-sentiment";
import { createWeeklySuggestions } from "./learning/weekly-suggestions";
import { createCrawlWebsite } from "./knowledge/crawl-website";
import { createIngestDocument } from "./knowledge/ingest-document";
import { createIngestFaqs } from "./knowledge/ingest-faqs";
import { createReembedKnowledgeBase } from "./knowledge/reembed-knowledge-base";
import { createSyncVapiFiles } from "./voice/sync-vapi-files";

/**
 * What functions run with. `events` lets steps queue follow-up work (domain events → webhook deliveries);
 * `keyring` enables webhook delivery. Both are optional so ingestion-only callers (benches, tests) need neither.
 */
export type WorkerDeps = IngestionDeps & Partial<Pick<AppDeps, "events" | "keyring" | "live">>;

/** Every Inngest function of the app, bound to the process's dependencies (for serve() and the local executor). */
export function createFunctions(deps: WorkerDeps) {
  return [
    createIngestDocument(deps),
    createIngestFaqs(deps),
    createReembedKnowledgeBase(deps),
    createPurgeOldRecords(deps),
    createRollUpTokenUsage(deps),
    ...(deps.events ? [createCrawlWebsite({ ...deps, events: deps.events })] : []),
    ...(deps.keyring ? [createDeliverWebhook({ ...deps, keyring: deps.keyring })] : []),
    ...leadEngineFunctions(deps),
    ...appFunctions(deps, (app) => [createEmbedMessage(app), createReembedConversations(app)]),
  ];
}

/** Functions that need the whole app (a ServiceContext): none without events, secrets and live updates. */
function appFunctions<T>(deps: WorkerDeps, create: (app: AppDeps) => T[]): T[] {
  const { events, keyring, live } = deps;
  if (!events || !keyring || !live) return [];
  return create({ ...deps, events, keyring, live });
}

/** The lead engine (SMS/WhatsApp, qualification, alerts), the learning loop and the Vapi file sync need the whole app: events, secrets, live updates. */
function leadEngineFunctions(deps: WorkerDeps) {
  return appFunctions(deps, (app) => [
    createHandleInboundMessage(app),
    createSendChannelReply(app),
    createQualifyLead(app),
    createActOnHotLead(app),
    createSendEscalationEmail(app),
    createDailySummary(app),
    createFollowUpQuietLead(app),
    createRetryPendingLeadActions(app),
    createSyncVapiFiles(app),
    createLearnFromTurn(app),
    createClassifyTurnSentiment(app),
    createWeeklySuggestions(app),
  ]);
}

export { createCrawlWebsite, CRAWL_RETRIES } from "./knowledge/crawl-website";
export { createIngestDocument, EMBED_BATCH_SIZE, INGEST_RETRIES } from "./knowledge/ingest-document";
export { createIngestFaqs } from "./knowledge/ingest-faqs";
export { createDeliverWebhook, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRIES } from "./integrations/deliver-webhook";
export { createReembedKnowledgeBase, REEMBED_RETRIES } from "./knowledge/reembed-knowledge-base";
