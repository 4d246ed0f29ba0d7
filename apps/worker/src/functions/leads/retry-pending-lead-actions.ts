import { retryPendingLeadActions, type AppDeps } from "@frontdesk/core";
import { inngest } from "../../client";

/** Every 5 minutes: hot-lead actions (CRM syncs, alerts) still pending after their run gave up are queued again. */
export function createRetryPendingLeadActions(deps: AppDeps) {
  return inngest.createFunction(
    { id: "retry-pending-lead-actions", name: "Retry pending CRM syncs and lead alerts", triggers: [{ cron: "*/5 * * * *" }], retries: 1 },
    async ({ event, step }) => {
      const queued = await step.run("queue", () => retryPendingLeadActions(deps, new Date(event.ts ?? Date.now())));
      return { queued };
    },
  );
}
