import { sendChannelMessage, type AppDeps, type ServiceContext } from "@frontdesk/core";
import { inngest } from "../../client";
import { channelReplyRequested } from "../../events";
import { callProvider } from "../provider-step";

/** channels/reply.requested → an operator's reply from the admin inbox goes out as an SMS or WhatsApp message. */
export function createSendChannelReply(deps: AppDeps) {
  return inngest.createFunction(
    { id: "send-channel-reply", name: "Send a reply on the conversation's channel", triggers: [channelReplyRequested], retries: 4 },
    async ({ event, step }) => {
      const ctx: ServiceContext = { ...deps, organizationId: event.data.organizationId, actor: { type: "system" } };
      return step.run("send", () => callProvider(() => sendChannelMessage(ctx, { messageId: event.data.messageId })));
    },
  );
}
