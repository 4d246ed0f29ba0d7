import { twilioProvider } from "@frontdesk/integrations";
import type { AppDeps, ServiceContext } from "../context";
import { AppError } from "../errors";
import { loadTwilioChannels, type TwilioChannel } from "./twilio-channels";

/** A Twilio webhook as the route received it: the bot's public key from the path, the form fields, the header. */
export interface TwilioWebhookRequest {
  botPublicKey: string;
  /** Path and query as requested (e.g. /api/webhooks/twilio/pk_…/status); Twilio signed PUBLIC_URL + this. */
  pathAndQuery: string;
  signature: string | undefined;
  params: Record<string, string | string[]>;
}

/**
 * Finds the bot and the organization's Twilio integration whose auth token signed the request. A missing
 * X-Twilio-Signature is 400, one no integration's token produces is 403; nothing is read or stored before that.
 */
export async function verifyTwilioRequest(
  deps: AppDeps,
  request: TwilioWebhookRequest,
): Promise<{ ctx: ServiceContext; bot: { id: string; publicKey: string }; channel: TwilioChannel }> {
  const bot = await deps.prisma.bot.findUnique({ where: { publicKey: request.botPublicKey }, select: { id: true, organizationId: true, publicKey: true } });
  if (!bot) throw new AppError("not_found", "Bot not found for this key");
  if (!request.signature) {
    throw new AppError("bad_request", "Missing X-Twilio-Signature header", {
      fields: [{ field: "X-Twilio-Signature", message: "Twilio signs every webhook; this request is not signed" }],
    });
  }
  const ctx: ServiceContext = { ...deps, organizationId: bot.organizationId, actor: { type: "system" } };
  const url = `${deps.config.publicUrl}${request.pathAndQuery}`;
  const channels = await loadTwilioChannels(ctx);
  const channel = channels.find((candidate) =>
    twilioProvider.verifyTwilioSignature({ authToken: candidate.config.authToken, signature: request.signature, url, params: request.params }),
  );
  if (!channel) {
    throw new AppError("forbidden", "X-Twilio-Signature does not match this bot's Twilio integration", {
      fields: [{ field: "X-Twilio-Signature", message: "not signed with the auth token of the organization's Twilio integration" }],
    });
  }
  return { ctx, bot: { id: bot.id, publicKey: bot.publicKey }, channel };
}
