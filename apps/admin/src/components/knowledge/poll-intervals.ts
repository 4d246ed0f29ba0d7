/** While a document is being ingested: stage, percent and counters move quickly. */
export const BUSY_POLL_MS = 1_500;
/**
 * While nothing is in progress on this page: documents may still arrive from elsewhere (the REST API, another tab's
 * crawl or upload, a teammate), and the counters should show them without a reload.
 */
export const IDLE_POLL_MS = 5_000;
