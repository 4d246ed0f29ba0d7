import { embedMessage, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { messageEmbedRequested } from "../../events";


/** conversations/message.embed-requested → the message's vector and words for search over conversations. */
export function createEmbedMessage(deps: AppDeps) {
  return inngest.createFunction(
    { id: "embed-message", name: "Embed a conversation message for search", triggers: [messageEmbedRequested], retries: 3 },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      const embedded = await step.run("embed", async () => (await embedMessage(ctx, { messageId: event.data.messageId })) !== null);
      return { embedded };
    },
  );
}
