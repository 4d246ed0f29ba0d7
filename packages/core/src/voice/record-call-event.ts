import type { Call, CallEvent, Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { eventKeyOf, storedData, type VapiMessage } from "./vapi-message";

export interface EventFields {
  speaker?: "caller" | "assistant" | null;
  text?: string | null;
  isFinal?: boolean | null;
}

/** Seconds between the call's start (or its first message) and this message. */
function secondsFromStart(call: Call, message: VapiMessage): number | null {
  if (message.timestamp === undefined) return null;
  const start = (call.startedAt ?? call.createdAt).getTime();
  return Math.max(0, Math.round(message.timestamp - start) / 1000);
}

/**
 * Stores the message as an event of its call, once: a replay (same call, type and timestamp) inserts nothing and
 * gets the stored event back with `created: false`, so callers skip side effects and answer what was answered.
 */
export async function recordCallEvent(
  ctx: ServiceContext,
  call: Call,
  message: VapiMessage,
  fields: EventFields = {},
): Promise<{ event: CallEvent; created: boolean }> {
  const key = { callId: call.id, type: message.type, eventKey: eventKeyOf(message) };
  const { count } = await ctx.prisma.callEvent.createMany({
    data: [
      {
        organizationId: ctx.organizationId,
        ...key,
        speaker: fields.speaker ?? null,
        text: fields.text ?? null,
        isFinal: fields.isFinal ?? null,
        secondsFromStart: secondsFromStart(call, message),
        data: storedData(message) as Prisma.InputJsonObject,
      },
    ],
    skipDuplicates: true,
  });
  const event = await ctx.prisma.callEvent.findUniqueOrThrow({ where: { callId_type_eventKey: key } });
  return { event, created: count === 1 };
}

/** The answer stored on an event, waiting (bounded) for a first delivery still being answered. */
export async function storedResponse(ctx: ServiceContext, eventId: string, waitMs = 20_000): Promise<unknown> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const row = await ctx.prisma.callEvent.findUnique({ where: { id: eventId }, select: { response: true } });
    if (row?.response !== null && row?.response !== undefined) return row.response;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function storeResponse(ctx: ServiceContext, eventId: string, response: unknown): Promise<void> {
  await ctx.prisma.callEvent.update({ where: { id: eventId }, data: { response: response as Prisma.InputJsonObject } });
}
