import type { MemberRole } from "@frontdesk/db";
import type { ServiceContext } from "../context";

export interface OrganizationMembers {
  members: Array<{ id: string; userId: string; name: string; email: string; role: MemberRole; joinedAt: string }>;
  /** Invitations still waiting (not accepted, cancelled or expired), newest first. */
  invitations: Array<{ id: string; email: string; role: MemberRole | null; expiresAt: string; invitedBy: string }>;
}

/** Who belongs to the organization and who is invited (better-auth's member and invitation rows). */
export async function listMembers(ctx: ServiceContext): Promise<OrganizationMembers> {
  const organizationId = ctx.organizationId;
  const [members, invitations] = await Promise.all([
    ctx.prisma.membership.findMany({
      where: { organizationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
    ctx.prisma.invitation.findMany({
      where: { organizationId, status: "pending", expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, inviter: { select: { email: true } } },
    }),
  ]);
  return {
    members: members.map((m) => ({ id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), invitedBy: i.inviter.email })),
  };
}
