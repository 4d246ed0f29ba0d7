import type { MemberRole } from "@frontdesk/db";
import type { AppDeps } from "../context";

/** The user's role in the organization, or null when they are not a member (callers decide 403 vs fallback). */
export async function findMembership(
  deps: Pick<AppDeps, "prisma">,
  where: { userId: string; organizationId: string },
): Promise<{ role: MemberRole } | null> {
  return deps.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: where.organizationId, userId: where.userId } },
    select: { role: true },
  });
}
