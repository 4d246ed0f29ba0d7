import type { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";

/**
 * Adds `patch`'s keys to a lead's metadata in one statement (jsonb `||`): one chat turn may record a booking and the
 * contact details read from the same message at once, and a read-then-write of the whole object by either drops the
 * other's key (a lost `booking` lets follow-ups go on after the lead booked). Returns whether a row changed.
 */
export async function mergeLeadMetadata(ctx: Pick<ServiceContext, "prisma" | "organizationId">, leadId: string, patch: Prisma.InputJsonObject): Promise<boolean> {
  const changed = await ctx.prisma.$executeRaw`
    UPDATE "lead" SET "metadata" = COALESCE("metadata", '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb, "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE "id" = ${leadId} AND "organizationId" = ${ctx.organizationId}`;
  return changed > 0;
}
