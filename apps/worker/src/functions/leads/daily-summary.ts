import { organizationsWithEmail, previousUtcDate, sendDailySummaryOnce, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { callProvider } from "../provider-step";

/**
 * On DAILY_SUMMARY_CRON (Inngest's scheduler, or the in-process executor's): yesterday's summary email for every
 * organization with an email integration, one step each, so one organization's mail problem is retried alone
 * and never holds back the others. Each organization's summary for a day is sent once even when several replicas
 * run this schedule (a per-day marker, see sendDailySummaryOnce).
 */
export function createDailySummary(deps: AppDeps) {
  return inngest.createFunction(
    { id: "daily-summary", name: "Daily summary emails", triggers: [{ cron: deps.config.DAILY_SUMMARY_CRON }], retries: 3 },
    async ({ event, step }) => {
      const date = previousUtcDate(new Date(event.ts ?? Date.now()));
      const organizationIds = await step.run("organizations", () => organizationsWithEmail(deps));
      const sent: Record<string, string> = {};
      for (const organizationId of organizationIds) {
        const ctx: ServiceContext = { ...deps, organizationId, actor: { type: "system" } };
        try {
          const outcome = await step.run(`summary-${organizationId}`, () => callProvider(() => sendDailySummaryOnce(ctx, { date })));
          sent[organizationId] = outcome.status;
        } catch (error) {
          sent[organizationId] = `failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      return { date, sent };
    },
  );
}
