import type { TRPCClient } from "@trpc/client";
import type { AppRouter } from "@frontdesk/api/trpc";

/**
 * A fresh account has no tenant yet: create one (the API provisions its default bot and knowledge base) and make
 * it the session's active organization. Users who already belong to one keep it.
 */
export async function ensureOrganization(client: TRPCClient<AppRouter>, name: string) {
  const organizations = await client.organization.list.query();
  if (organizations.length > 0) return;
  await client.organization.create.mutate({ name });
}
