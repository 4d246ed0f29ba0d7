import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";

/**
 * Adds `patch`'s keys to a message's metadata in one statement (jsonb `||`), so two writers on the same message — the
 * sender recording where it went, a delivery status callback recording how it went — never drop each other's keys
 * the way read-then-write would. `unlessDeliveryStatusIn` guards a delivery update: it does not apply while the
 * stored delivery status is one of those (read in the same statement). Returns whether a row changed.
 */
export async function mergeMessageMetadata(
  ctx: Pick<ServiceContext, "prisma" | "organizationId">,
  messageId: string,
  patch: Prisma.InputJsonObject,
  options: { externalId?: string; unlessDeliveryStatusIn?: string[] } = {},
): Promise<boolean> {
  const json = JSON.stringify(patch);
  const refused = options.unlessDeliveryStatusIn ?? [];
  const changed = await ctx.prisma.$executeRaw`
    UPDATE "message"
    SET "metadata" = COALESCE("metadata", '{}'::jsonb) || ${json}::jsonb,
        "externalId" = COALESCE(${options.externalId ?? null}::text, "externalId")
    WHERE "id" = ${messageId} AND "organizationId" = ${ctx.organizationId}
      AND COALESCE("metadata" -> 'delivery' ->> 'status', '') <> ALL(${refused}::text[])`;
  return changed > 0;
}
