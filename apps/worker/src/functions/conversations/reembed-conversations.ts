import { reembedBotMessages, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { conversationsReembedRequested } from "../../events";


/** Batches per run; a bot with more messages than this many batches is finished by a later request. */
const MAX_BATCHES = 1_000;

/**
 * conversations/messages.reembed-requested → a bot's visitor and caller messages embedded with its current model,
 * one batch per step until none is missing or stale (one run per bot at a time).
 */
export function createReembedConversations(deps: AppDeps) {
  return inngest.createFunction(
    {
      id: "reembed-conversations",
      name: "Re-embed a bot's conversations for search",
      triggers: [conversationsReembedRequested],
      retries: 3,
      concurrency: [{ key: "event.data.botId", limit: 1 }],
    },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      let embedded = 0;
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const count = await step.run(`batch-${batch}`, () => reembedBotMessages(ctx, { botId: event.data.botId }));
        if (count === 0) break;
        embedded += count;
      }
      return { embedded };
    },
  );
}
