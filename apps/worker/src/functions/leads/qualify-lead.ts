import { qualifyConversation, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { leadQualifyRequested } from "../../events";

/** leads/qualify.requested → re-score the conversation's lead (one run per conversation at a time). */
export function createQualifyLead(deps: AppDeps) {
  return inngest.createFunction(
    {
      id: "qualify-lead",
      name: "Qualify a conversation's lead",
      triggers: [leadQualifyRequested],
      retries: 3,
      concurrency: [{ key: "event.data.conversationId", limit: 1 }],
    },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      return step.run("qualify", () => qualifyConversation(ctx, { conversationId: event.data.conversationId }));
    },
  );
}
