import type { TRPCClient } from "@trpc/client";
import type { AppRouter } from "@frontdesk/api/trpc";

/**
 * Leaves the session with an active organization: a fresh account gets a new one (the API provisions its default
 * bot and knowledge base and makes it active); a member of existing ones without an active one gets the first.
 */
export async function ensureOrganization(client: TRPCClient<AppRouter>, name: string) {
  const organizations = await client.organization.list.query();
  if (organizations.some((organization) => organization.active)) return;
  const first = organizations[0];
  if (first) await client.organization.setActive.mutate({ organizationId: first.id });
  else await client.organization.create.mutate({ name });
}
