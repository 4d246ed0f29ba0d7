import type { AppDeps } from "../context";
import type { MemberRole } from "@frontdesk/db";

export interface UserOrganization {
  id: string;
  name: string;
  slug: string;
  role: MemberRole;
  createdAt: string;
}

/** Organizations the user belongs to, oldest membership first. */
export async function listUserOrganizations(deps: Pick<AppDeps, "prisma">, userId: string): Promise<UserOrganization[]> {
  const memberships = await deps.prisma.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, organization: { select: { id: true, name: true, slug: true, createdAt: true } } },
  });
  return memberships.map(({ role, organization }) => ({ ...organization, createdAt: organization.createdAt.toISOString(), role }));
}
