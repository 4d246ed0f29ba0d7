import { syncVapiFiles, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { vapiFilesSyncRequested } from "../../events";

/**
 * voice/vapi-files.sync-requested (sent when "sync to Vapi" is turned on, after a document of the organization is
 * ingested, and after documents are deleted) → the bot's Vapi file store brought in line with its knowledge. One
 * run per bot at a time, so two syncs never upload the same document twice; a burst of changes collapses into one
 * run that sees them all.
 */
export function createSyncVapiFiles(deps: AppDeps) {
  return inngest.createFunction(
    {
      id: "sync-vapi-files",
      name: "Sync a bot's files to Vapi",
      triggers: [vapiFilesSyncRequested],
      retries: 3,
      concurrency: [{ key: "event.data.botId", limit: 1 }],
      debounce: { key: "event.data.botId", period: "5s" },
    },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      const view = await step.run("sync", () => syncVapiFiles(ctx, event.data.botId));
      return { files: view.data.length, failed: view.data.filter((file) => file.status === "failed").length };
    },
  );
}
