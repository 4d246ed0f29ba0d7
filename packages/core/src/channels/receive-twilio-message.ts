import { twilioProvider } from "@frontdesk/integrations";
import { ZodError } from "zod";
import type { AppDeps } from "../context";
import { AppError } from "../errors";
import { verifyTwilioRequest, type TwilioWebhookRequest } from "./verify-twilio-request";

/**
 * An inbound SMS or WhatsApp message for a bot: verified (see verifyTwilioRequest), then queued as
 * `channels/message.received` for the worker, with the MessageSid as the event id (Inngest drops a replayed
 * one; the worker refuses one already stored). Nothing else happens here, so Twilio gets its answer at once.
 */
export async function receiveTwilioMessage(deps: AppDeps, request: TwilioWebhookRequest): Promise<{ queued: string }> {
  const { ctx, bot, channel } = await verifyTwilioRequest(deps, request);
  const message = parseInbound(request.params);
  await ctx.events.send({
    name: "channels/message.received",
    id: `twilio-message-${message.messageSid}`,
    data: {
      organizationId: ctx.organizationId,
      botId: bot.id,
      integrationId: channel.integrationId,
      conversationKey: `${bot.id}:${message.channel}:${message.from}`,
      message: {
        messageSid: message.messageSid,
        channel: message.channel,
        from: message.from,
        to: message.to,
        body: message.body,
        numMedia: message.numMedia,
        ...(message.profileName ? { profileName: message.profileName } : {}),
      },
    },
  });
  return { queued: message.messageSid };
}

function parseInbound(params: Record<string, string | string[]>): twilioProvider.InboundMessage {
  try {
    return twilioProvider.parseInboundMessage(params);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const fields = error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
    throw new AppError("bad_request", `Not a Twilio message webhook: ${fields.map((f) => f.field).join(", ")}`, { fields });
  }
}
