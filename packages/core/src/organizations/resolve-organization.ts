import type { AppDeps } from "../context";
import { notFound } from "../errors";

/** Accepts an organization id or slug (operators type slugs in the CLI). */
export async function resolveOrganization(deps: Pick<AppDeps, "prisma">, idOrSlug: string) {
  const organization = await deps.prisma.organization.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true, name: true, slug: true },
  });
  if (!organization) throw notFound(`Organization "${idOrSlug}"`);
  return organization;
}
