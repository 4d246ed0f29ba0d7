import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { memberSelect, toMemberView } from "./list-members";
import { assertAnotherOwner, requireOwnerForOwners, withMemberLocked } from "./member-changes";
import { changeMemberRoleInput, type ChangeMemberRoleInput, type MemberView } from "./member-schemas";

/** Gives a member another role; the last owner keeps theirs (409), and only owners grant or take away owner. */
export async function changeMemberRole(ctx: ServiceContext, memberId: string, input: ChangeMemberRoleInput): Promise<MemberView> {
  const { role } = parseInput(changeMemberRoleInput, input);
  return withMemberLocked(ctx, memberId, async (tx, member) => {
    requireOwnerForOwners(ctx, [member.role, role], "change an owner's role or make someone an owner");
    if (member.role === role) return toMemberView(member);
    if (member.role === "owner") await assertAnotherOwner(tx, ctx, "demoted");
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role }, select: memberSelect });
    return toMemberView(updated);
  });
}
