import { z } from "zod";
import type { AppDeps } from "../context";
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
  const metadata = (message.metadata ?? {}) as Record<string, unknown>;
  const current = (metadata.delivery as DeliveryStatus | undefined)?.status;
  const status = update.MessageStatus.toLowerCase();
  if (current && (progress[current] ?? 0) > (progress[status] ?? 0)) return { updated: false };
  const delivery: DeliveryStatus = { status, errorCode: update.ErrorCode || null, updatedAt: new Date().toISOString() };
  await ctx.prisma.message.update({ where: { id: message.id }, data: { metadata: { ...metadata, delivery: { ...delivery } } } });
  return { updated: true };
}
