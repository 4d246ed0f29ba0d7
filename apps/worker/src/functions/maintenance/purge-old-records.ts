import { purgeOldRecords, type IngestionDeps } from "@frontdesk/core";
import { inngest } from "../../client";

/** Nightly (03:30 UTC): granular records older than RETENTION_DAYS are deleted (see purgeOldRecords). */
export function createPurgeOldRecords(deps: IngestionDeps) {
  return inngest.createFunction(
    { id: "purge-old-records", name: "Delete granular records past retention", triggers: [{ cron: "TZ=UTC 30 3 * * *" }], retries: 2 },
    async ({ event, step }) => step.run("purge", () => purgeOldRecords(deps, { days: deps.config.RETENTION_DAYS, now: new Date(event.ts ?? Date.now()) })),
  );
}
