import type { AppDeps } from "../context";

export interface PurgedRecords {
  before: string;
  callEvents: number;
  toolCalls: number;
  webhookDeliveryAttempts: number;
}

/**
 * Retention: deletes granular records older than `days` (RETENTION_DAYS, 30 by default) across organizations —
 * voice call events (transcript lines, status updates; the call keeps its transcript and summary), tool call logs
 * and webhook delivery attempts (the delivery keeps its status). Conversations, messages, leads and their
 * history are kept.
 */
export async function purgeOldRecords(deps: Pick<AppDeps, "prisma">, input: { days: number; now?: Date }): Promise<PurgedRecords> {
  const before = new Date((input.now ?? new Date()).getTime() - input.days * 24 * 60 * 60 * 1000);
  const older = { createdAt: { lt: before } };
  const [callEvents, toolCalls, webhookDeliveryAttempts] = [
    await deps.prisma.callEvent.deleteMany({ where: older }),
    await deps.prisma.toolCall.deleteMany({ where: older }),
    await deps.prisma.webhookDeliveryAttempt.deleteMany({ where: older }),
  ];
  return { before: before.toISOString(), callEvents: callEvents.count, toolCalls: toolCalls.count, webhookDeliveryAttempts: webhookDeliveryAttempts.count };
}
