import { refineTurnSentiment, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { turnSentimentRequested } from "../../events";

/**
 * learning/turn.sentiment-requested → the organization's model reads a turn the rules already classified (see
 * refineTurnSentiment; it keeps the rules' sentiment when the model fails). One run per conversation at a time, so
 * the count of frustrated turns that flags a conversation sees the turns in order.
 */
export function createClassifyTurnSentiment(deps: AppDeps) {
  return inngest.createFunction(
    {
      id: "classify-turn-sentiment",
      name: "Classify a visitor turn's sentiment with the model",
      triggers: [turnSentimentRequested],
      retries: 1,
      concurrency: [{ key: "event.data.conversationId", limit: 1 }],
    },
    async ({ event, step }) => {
      const { organizationId, conversationId, messageId } = event.data;
      const ctx: ServiceContext = { ...deps, organizationId, actor: { type: "system" } };
      return step.run("classify", () => refineTurnSentiment(ctx, { conversationId, messageId }));
    },
  );
}
