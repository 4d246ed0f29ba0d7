import type { ServiceContext } from "../context";
import type { MemberView, OrganizationMembers } from "./member-schemas";

type MembershipRow = { id: string; userId: string; role: MemberView["role"]; createdAt: Date; user: { name: string; email: string } };

export const memberSelect = { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } } as const;

export function toMemberView(m: MembershipRow): MemberView {
  return { id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() };
}

/** Who belongs to the organization and who is invited (better-auth's member and invitation rows). */
export async function listMembers(ctx: ServiceContext): Promise<OrganizationMembers> {
  const organizationId = ctx.organizationId;
  const [members, invitations] = await Promise.all([
    ctx.prisma.membership.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" }, select: memberSelect }),
    ctx.prisma.invitation.findMany({
      where: { organizationId, status: "pending", expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, inviter: { select: { email: true } } },
    }),
  ]);
  return {
    members: members.map(toMemberView),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), invitedBy: i.inviter.email })),
  };
}
