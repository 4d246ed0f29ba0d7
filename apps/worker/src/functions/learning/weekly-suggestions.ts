import { botsForSuggestions, generateSuggestionsOnce, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";

/**
 * On PROMPT_SUGGESTIONS_CRON (Inngest's scheduler, or the in-process executor's): this week's prompt and knowledge
 * suggestions for every bot, one step each, so one bot's failure (its model down) is retried alone. Each bot's
 * week is done once even when several replicas run this schedule (a per-week marker, see generateSuggestionsOnce).
 */
export function createWeeklySuggestions(deps: AppDeps) {
  return inngest.createFunction(
    { id: "weekly-prompt-suggestions", name: "Weekly prompt suggestions", triggers: [{ cron: deps.config.PROMPT_SUGGESTIONS_CRON }], retries: 2 },
    async ({ event, step }) => {
      const now = new Date(event.ts ?? Date.now());
      const bots = await step.run("bots", () => botsForSuggestions(deps));
      const outcomes: Record<string, string> = {};
      for (const { organizationId, botId } of bots) {
        const ctx: ServiceContext = { ...deps, organizationId, actor: { type: "system" } };
        try {
          const outcome = await step.run(`suggestions-${botId}`, () => generateSuggestionsOnce(ctx, { botId, now }));
          outcomes[botId] = outcome.status;
        } catch (error) {
          outcomes[botId] = `failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      return { outcomes };
    },
  );
}
