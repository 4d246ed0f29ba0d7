import type { ServiceContext } from "../context";
import { assertAnotherOwner, requireOwnerForOwners, withMemberLocked } from "./member-changes";

/**
 * Takes someone out of the organization (their account stays). Their next request has no active organization
 * (the session middleware checks membership each time); the last owner cannot be removed (409).
 */
export async function removeMember(ctx: ServiceContext, memberId: string): Promise<{ id: string; removed: true }> {
  return withMemberLocked(ctx, memberId, async (tx, member) => {
    requireOwnerForOwners(ctx, [member.role], "remove an owner");
    if (member.role === "owner") await assertAnotherOwner(tx, ctx, "removed");
    await tx.membership.delete({ where: { id: member.id } });
    return { id: member.id, removed: true as const };
  });
}
