import { currentAndPreviousUtcDays, rollUpTokenUsage, type IngestionDeps } from "@frontdesk/core";
import { inngest } from "../../client";

/** Hourly: token usage per organization, bot and day for today and yesterday (UTC), recomputed from the answers. */
export function createRollUpTokenUsage(deps: IngestionDeps) {
  return inngest.createFunction(
    { id: "roll-up-token-usage", name: "Daily token usage per organization and bot", triggers: [{ cron: "TZ=UTC 5 * * * *" }], retries: 2 },
    async ({ event, step }) => step.run("roll-up", () => rollUpTokenUsage(deps, { days: currentAndPreviousUtcDays(new Date(event.ts ?? Date.now())) })),
  );
}
