import type { MemberRole, Prisma } from "@frontdesk/db";
import { requireRole } from "../authorization/roles";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { memberSelect } from "./list-members";

type Tx = Prisma.TransactionClient;

/**
 * Runs a change to one membership with the organization row locked, so two owners demoting each other at once
 * cannot leave the organization without an owner (the second sees the first's change).
 */
export async function withMemberLocked<T>(
  ctx: ServiceContext,
  memberId: string,
  change: (tx: Tx, member: Prisma.MembershipGetPayload<{ select: typeof memberSelect }>) => Promise<T>,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "organization" WHERE id = ${ctx.organizationId} FOR UPDATE`;
    const member = await tx.membership.findFirst({ where: { id: memberId, organizationId: ctx.organizationId }, select: memberSelect });
    if (!member) throw notFound("Member");
    return change(tx, member);
  });
}

/** Only owners may touch an owner or make someone owner; admins manage members and admins. */
export function requireOwnerForOwners(ctx: ServiceContext, roles: MemberRole[], what: string): void {
  if (roles.includes("owner")) requireRole(ctx, "owner", what);
}

/** Refuses (409) a change that would leave the organization with no owner; `done` is "demoted" or "removed". */
export async function assertAnotherOwner(tx: Tx, ctx: ServiceContext, done: string): Promise<void> {
  const owners = await tx.membership.count({ where: { organizationId: ctx.organizationId, role: "owner" } });
  if (owners <= 1) throw new AppError("conflict", `The organization's last owner cannot be ${done}: make someone else an owner first`);
}
