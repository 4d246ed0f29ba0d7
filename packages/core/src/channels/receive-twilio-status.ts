import { z } from "zod";
import type { AppDeps } from "../context";
import { mergeMessageMetadata } from "../conversations/merge-message-metadata";
import { parseInput } from "../parse-input";
import { verifyTwilioRequest, type TwilioWebhookRequest } from "./verify-twilio-request";

const statusCallback = z.looseObject({
  MessageSid: z.string().min(1, "MessageSid is required"),
  MessageStatus: z.string().min(1, "MessageStatus is required"),
  ErrorCode: z.string().optional(),
});

// Twilio's callbacks can arrive out of order; a message only moves forward (a late "sent" never undoes "delivered").
const progress: Record<string, number> = { accepted: 0, scheduled: 0, queued: 1, sending: 2, sent: 3, delivered: 4, read: 5, undelivered: 4, failed: 4, canceled: 4 };

export interface DeliveryStatus {
  status: string;
  errorCode: string | null;
  updatedAt: string;
}

/**
 * A delivery status callback (`…/{botPublicKey}/status`): verified like an inbound message, then recorded on the
 * outbound message with that MessageSid as `metadata.delivery`. Returns whether a message of ours matched.
 */
export async function receiveTwilioStatus(deps: AppDeps, request: TwilioWebhookRequest): Promise<{ updated: boolean }> {
  const { ctx } = await verifyTwilioRequest(deps, request);
  const update = parseInput(statusCallback, request.params);
  const message = await ctx.prisma.message.findUnique({
    where: { organizationId_externalId: { organizationId: ctx.organizationId, externalId: update.MessageSid } },
  });
  if (!message) return { updated: false };
  const status = update.MessageStatus.toLowerCase();
  const rank = progress[status] ?? 0;
  // The stored status is checked in the same statement that writes, so a callback racing another never moves it back.
  const later = Object.keys(progress).filter((known) => (progress[known] ?? 0) > rank);
  const delivery: DeliveryStatus = { status, errorCode: update.ErrorCode || null, updatedAt: new Date().toISOString() };
  const updated = await mergeMessageMetadata(ctx, message.id, { delivery: { ...delivery } }, { unlessDeliveryStatusIn: later });
  return { updated };
}
