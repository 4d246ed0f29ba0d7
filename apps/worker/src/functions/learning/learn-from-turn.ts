import { learnFromTurn, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { turnAnswered } from "../../events";

/**
 * learning/turn.answered → the learning loop records the turn (see learnFromTurn). One run per conversation at a
 * time, so a turn is judged after the one before it was recorded.
 */
export function createLearnFromTurn(deps: AppDeps) {
  return inngest.createFunction(
    {
      id: "learn-from-turn",
      name: "Learn from an answered chat turn",
      triggers: [turnAnswered],
      retries: 3,
      concurrency: [{ key: "event.data.conversationId", limit: 1 }],
    },
    async ({ event, step }) => {
      const { organizationId, ...turn } = event.data;
      const ctx: ServiceContext = { ...deps, organizationId, actor: { type: "system" } };
      await step.run("learn", () => learnFromTurn(ctx, turn));
    },
  );
}
